package cn.anhuan.organization;

/** A department of the city or of a county-level unit. */
public record DepartmentView(long id, String kind, String kindName, String kindNameEn, String regionCode,
                             String regionName, String regionNameEn, String name, String nameEn, int version)
        implements Localized {

    public String kindLabel(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? kindNameEn : kindName;
    }

    public String regionLabel(java.util.Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? regionNameEn : regionName;
    }
}
