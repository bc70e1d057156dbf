package cn.anhuan.risk;

/** The four risk levels: 1 重大 red, 2 较大 orange, 3 一般 yellow, 4 低 blue. */
public enum RiskLevel {
    MAJOR(1, "#FF0000"), LARGE(2, "#FF7E00"), GENERAL(3, "#FFFF00"), LOW(4, "#0070FF");

    private final int number;
    private final String color;

    RiskLevel(int number, String color) {
        this.number = number;
        this.color = color;
    }

    public int number() {
        return number;
    }

    public String color() {
        return color;
    }

    public static RiskLevel of(int number) {
        return values()[number - 1];
    }
}
