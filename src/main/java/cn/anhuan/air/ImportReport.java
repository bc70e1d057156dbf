package cn.anhuan.air;

import java.util.List;

/**
 * The outcome of an import: rows read, every bad row with its line number and reason, and what was stored
 * (nothing at all when any row is bad, or on a dry run).
 */
public record ImportReport(int rowsRead, List<RowError> errors, int hoursStored, int stationDaysUpdated,
                           boolean dryRun) {

    public boolean ok() {
        return errors.isEmpty();
    }

    /** One bad row: its line in the file (the header is line 1), the message key and its arguments. */
    public record RowError(int line, String messageKey, Object... args) {
    }
}
