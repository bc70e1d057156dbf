package cn.anhuan.air;

import java.math.BigDecimal;

/** An air-quality monitoring station (national, provincial, city or county control point). */
public record StationView(long id, String code, String name, String nameEn, String kind, String regionCode,
                          BigDecimal latitude, BigDecimal longitude, boolean active, int version) {

    public String label(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : name;
    }
}
