package cn.anhuan.organization;

/** A coded entry of a reference table (a department kind, a regulatory industry). */
public record CodeName(String code, String name, String nameEn) implements Localized {
}
