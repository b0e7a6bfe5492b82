package io.streamgate.control.web;

import java.util.List;

/**
 * An error that already knows its problem type and the words for the client; thrown anywhere in a request (web
 * filters included) and rendered by {@link ProblemExceptionHandler}.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final transient List<FieldProblem> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldProblem> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    /** A 400 naming one field; the detail is the field's message so that both name it. */
    public static ProblemException field(ProblemType type, String field, String message) {
        return new ProblemException(type, message, List.of(new FieldProblem(field, message)));
    }

    /** A 400 naming every rejected field at once, so a client fixes a request in one round trip. */
    public static ProblemException fields(List<FieldProblem> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).message()
                : String.join("; ", errors.stream().map(FieldProblem::message).toList());
        return new ProblemException(ProblemType.INVALID_FIELD, detail, errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
