package cn.anhuan.enterprise;

/** Filters of the enterprise list; all optional. {@code text} matches name or credit code. */
public record EnterpriseFilter(String text, String regionCode, String industryCode, String status) {

    public static EnterpriseFilter none() {
        return new EnterpriseFilter(null, null, null, null);
    }
}
