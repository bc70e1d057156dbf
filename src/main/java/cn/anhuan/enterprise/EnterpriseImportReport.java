package cn.anhuan.enterprise;

import java.util.List;

/**
 * The outcome of an enterprise import: every problem of every row with its row number, field and reason; warnings
 * too; and the rows skipped because they are the template's marked sample row.
 */
public record EnterpriseImportReport(int rowsRead, int created, boolean dryRun, List<RowProblem> errors,
                                     List<RowProblem> warnings, List<Integer> examplesSkipped) {

    public boolean ok() {
        return errors.isEmpty();
    }

    /** The rows that would be (or were) stored: those read, less the skipped sample rows. */
    public int rowsToImport() {
        return rowsRead - examplesSkipped.size();
    }

    /** A problem of one row (the header is row 1); {@code field} is the record's field, as the form names it. */
    public record RowProblem(int row, String field, String messageKey, Object... args) {
    }
}
