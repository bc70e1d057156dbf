package cn.anhuan.shared;

import java.util.List;

/** Several fields of one request are wrong at once; each gets its own translated message. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** One wrong field: its name (dotted path), the message key and the key's arguments. */
    public record FieldProblem(String field, String messageKey, Object... args) {
    }
}
