package cn.anhuan.identity;

/** The roles of the platform. Each user has one; its data scope follows from it. */
public enum Role {
    /** Runs the platform: organisation, accounts, audit. Sees everything. */
    SYSTEM_ADMIN,
    /** City leader: reads everything. */
    CITY_LEADER,
    /** Supervisor of a city bureau (emergency management, ecology and environment): the whole city. */
    CITY_SUPERVISOR,
    /** Supervisor of an industry department: its industries, in its department's region. */
    DEPARTMENT_SUPERVISOR,
    /** Supervisor of a county-level unit or development zone: that unit only. */
    COUNTY_SUPERVISOR,
    /** Field inspector of a county-level unit: that unit only. */
    INSPECTOR,
    /** Safety officer of an enterprise: that enterprise only. */
    ENTERPRISE_OFFICER;

    public String authority() {
        return "ROLE_" + name();
    }
}
