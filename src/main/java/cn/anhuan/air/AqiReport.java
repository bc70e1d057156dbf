package cn.anhuan.air;

/** The daily report (日报) or the real-time hourly report (实时报). */
public enum AqiReport {
    DAILY, HOURLY
}
