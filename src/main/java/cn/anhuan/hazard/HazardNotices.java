package cn.anhuan.hazard;

import java.util.List;

/**
 * One escalation pass's notices, grouped by what decides their recipients (enterprise, county, industry, level),
 * so that the notification module can resolve recipients once per group and send a digest to whoever would
 * otherwise receive more than {@code digestAbove} notices of one kind.
 */
public record HazardNotices(List<Group> groups, int digestAbove) {

    /**
     * Hazards of one kind of notice that concern the same people.
     *
     * @param count  how many hazards
     * @param ids    the first of them (up to a digest's threshold plus one), with their places
     */
    public record Group(HazardNotice.Kind kind, String creditCode, String regionCode, String industryCode, String level,
                        int count, List<Long> ids, List<String> places) {
    }
}
