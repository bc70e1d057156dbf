package cn.anhuan.shared;

/**
 * Optimistic locking: every change names the version it read. A missing version is refused rather than taken from
 * the row as it is now, which silently overwrote whatever someone else had changed in between.
 */
public final class Versions {

    private Versions() {
    }

    /** The version the caller read; a missing one is a 400 naming the field {@code version}. */
    public static int required(Integer version) {
        if (version == null) {
            throw new BusinessRuleException("version", "error.version.required");
        }
        return version;
    }
}
