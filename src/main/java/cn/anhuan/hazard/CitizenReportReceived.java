package cn.anhuan.hazard;

/** A citizen reported a hazard: the county's supervisors must triage it (published in the report's transaction). */
public record CitizenReportReceived(long reportId, String regionCode, String place) {
}
