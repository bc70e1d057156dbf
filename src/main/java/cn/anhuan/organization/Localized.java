package cn.anhuan.organization;

import java.util.Locale;

/** Something with a Chinese and an English name; {@link #label(Locale)} picks the one for the reader. */
public interface Localized {

    String name();

    String nameEn();

    default String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn() : name();
    }
}
