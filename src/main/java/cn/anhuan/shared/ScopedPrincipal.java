package cn.anhuan.shared;

/** A principal that carries its data scope; implemented by the identity module's user. */
public interface ScopedPrincipal {

    DataScope scope();

    String getUsername();
}
