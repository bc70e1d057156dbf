package cn.anhuan.shared;

/** Text from forms, filters and imports. */
public final class Texts {

    private Texts() {
    }

    /** The text without surrounding blanks; absent, empty or only blanks as null. */
    public static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * Whether PostgreSQL can store the text as it is and it reads back the same: no NUL (PostgreSQL refuses it in
     * {@code text}), no other C0 control character but tab, line feed and carriage return, and no lone UTF-16
     * surrogate (the driver would turn it into '?'). Null is storable.
     */
    public static boolean storable(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
