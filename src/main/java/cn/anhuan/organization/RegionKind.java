package cn.anhuan.organization;

/** The kind of a region node; county-level kinds (and zones) are where county supervisors work. */
public enum RegionKind {
    PROVINCE, CITY, DISTRICT, COUNTY, COUNTY_CITY, ZONE, SCENIC_AREA, TOWNSHIP, STREET, VILLAGE;

    /** The level at which industries are supervised: the city, or the county-level unit. */
    public SupervisionLevel supervisionLevel() {
        return this == PROVINCE || this == CITY ? SupervisionLevel.CITY : SupervisionLevel.COUNTY;
    }

    public boolean countyLevel() {
        return this == DISTRICT || this == COUNTY || this == COUNTY_CITY || this == ZONE || this == SCENIC_AREA;
    }
}
