package cn.anhuan.shared;

/** Text from forms, filters and imports. */
public final class Texts {

    private Texts() {
    }

    /** The text without surrounding blanks; absent, empty or only blanks as null. */
    public static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
