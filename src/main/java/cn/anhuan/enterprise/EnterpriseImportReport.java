package cn.anhuan.enterprise;

import java.util.List;

/** The outcome of an enterprise import: every bad row with its row number, field and reason; warnings too. */
public record EnterpriseImportReport(int rowsRead, int created, boolean dryRun, List<RowProblem> errors,
                                     List<RowProblem> warnings) {

    public boolean ok() {
        return errors.isEmpty();
    }

    /** A problem of one row (the header is row 1). */
    public record RowProblem(int row, String field, String messageKey, Object... args) {
    }
}
