package cn.anhuan.hazard;

import java.util.List;

/** Many notices at once (an escalation pass), so that listeners can handle them in bulk. */
public record HazardNotices(List<HazardNotice> notices) {
}
