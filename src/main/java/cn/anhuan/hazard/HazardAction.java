package cn.anhuan.hazard;

import java.util.Locale;

/** What can be done to a hazard; the API names them in lower-case with hyphens (e.g. {@code request-extension}). */
public enum HazardAction {
    ASSIGN(HazardStatus.ASSIGNED),
    RECTIFY_ON_THE_SPOT(HazardStatus.CLOSED),
    SUBMIT(HazardStatus.SUBMITTED),
    ACCEPT(HazardStatus.CLOSED),
    REJECT(HazardStatus.ASSIGNED),
    REQUEST_EXTENSION(HazardStatus.ASSIGNED),
    DECIDE_EXTENSION(HazardStatus.ASSIGNED);

    private final HazardStatus target;

    HazardAction(HazardStatus target) {
        this.target = target;
    }

    public HazardStatus target() {
        return target;
    }

    public String path() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static HazardAction ofPath(String path) {
        return valueOf(path.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
