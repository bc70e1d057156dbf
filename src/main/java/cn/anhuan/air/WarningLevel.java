package cn.anhuan.air;

/** Heavy-pollution warning levels, lowest first, with the emission-reduction ratio each requires (percent). */
public enum WarningLevel {
    BLUE(0), YELLOW(10), ORANGE(20), RED(30);

    private final int requiredReductionPercent;

    WarningLevel(int requiredReductionPercent) {
        this.requiredReductionPercent = requiredReductionPercent;
    }

    public int requiredReductionPercent() {
        return requiredReductionPercent;
    }

    public boolean above(WarningLevel other) {
        return other == null || ordinal() > other.ordinal();
    }
}
