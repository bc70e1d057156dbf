package cn.anhuan.air;

/** The six pollutants a station measures each hour, in the column order of the hourly tables and CSV files. */
enum Measured {
    SO2("so2", Indicator.SO2_1H, Indicator.SO2_24H),
    NO2("no2", Indicator.NO2_1H, Indicator.NO2_24H),
    CO("co", Indicator.CO_1H, Indicator.CO_24H),
    O3("o3", Indicator.O3_1H, null),
    PM10("pm10", Indicator.PM10_1H, Indicator.PM10_24H),
    PM25("pm25", Indicator.PM2_5_1H, Indicator.PM2_5_24H);

    static final Measured[] ALL = values();

    final String column;
    final Indicator hourly;
    final Indicator daily;

    Measured(String column, Indicator hourly, Indicator daily) {
        this.column = column;
        this.hourly = hourly;
        this.daily = daily;
    }

    /** Reads a CSV header name: SO2, NO2, CO, O3, PM10, PM2.5 (or PM2_5, PM25), any case. */
    static Measured ofHeader(String header) {
        String h = header.trim().toUpperCase(java.util.Locale.ROOT).replace(".", "").replace("_", "");
        for (Measured m : ALL) {
            if (m.name().equals(h)) {
                return m;
            }
        }
        return null;
    }
}
