package cn.anhuan.organization;

/** The level of government at which a department supervises an industry. */
public enum SupervisionLevel {
    CITY, COUNTY
}
