package cn.anhuan.air;

/** The six AQI levels of HJ 633 with their category and colour (Appendix A). */
public enum AqiLevel {
    EXCELLENT(1, 50, "优", "Excellent", "#00E400"),
    GOOD(2, 100, "良", "Good", "#FFFF00"),
    LIGHT(3, 150, "轻度污染", "Lightly polluted", "#FF7E00"),
    MODERATE(4, 200, "中度污染", "Moderately polluted", "#FF0000"),
    HEAVY(5, 300, "重度污染", "Heavily polluted", "#99004C"),
    SEVERE(6, Integer.MAX_VALUE, "严重污染", "Severely polluted", "#7E0023");

    private final int number;
    private final int upTo;
    private final String category;
    private final String categoryEn;
    private final String color;

    AqiLevel(int number, int upTo, String category, String categoryEn, String color) {
        this.number = number;
        this.upTo = upTo;
        this.category = category;
        this.categoryEn = categoryEn;
        this.color = color;
    }

    public static AqiLevel of(int aqi) {
        for (AqiLevel l : values()) {
            if (aqi <= l.upTo) {
                return l;
            }
        }
        return SEVERE;
    }

    public int number() {
        return number;
    }

    public String category() {
        return category;
    }

    public String categoryEn() {
        return categoryEn;
    }

    public String color() {
        return color;
    }
}
