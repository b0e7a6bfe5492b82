package io.streamgate.control.web;

import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.springframework.core.codec.DecodingException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Decides the problem for any exception: ours, Spring's own (404, 405, 415, bad bodies) and the unexpected. */
final class ProblemMapper {

    private ProblemMapper() {}

    static Problem toProblem(Throwable error) {
        if (error instanceof ProblemException p) {
            return of(p.type(), p.getMessage(), p.errors(), null);
        }
        JacksonException json = find(error, JacksonException.class);
        if (json != null) {
            return fromJackson(json);
        }
        if (error instanceof ServerWebInputException input) {
            if (input.getCause() instanceof DecodingException) {
                return of(
                        ProblemType.MALFORMED_BODY,
                        "body: could not be read as JSON",
                        fieldList("body", "body: could not be read as JSON"),
                        null);
            }
            String reason = input.getReason() == null ? "invalid request" : input.getReason();
            if (reason.toLowerCase().contains("body")) {
                String message = "body: missing (expected: a JSON object)";
                return of(ProblemType.MALFORMED_BODY, message, fieldList("body", message), null);
            }
            return of(ProblemType.BAD_REQUEST, reason, List.of(), null);
        }
        if (error instanceof MethodNotAllowedException e) {
            String allowed = e.getSupportedMethods().stream()
                    .map(Object::toString)
                    .sorted()
                    .collect(Collectors.joining(", "));
            return of(
                    ProblemType.METHOD_NOT_ALLOWED,
                    "method " + e.getHttpMethod() + " (expected: " + allowed + ")",
                    List.of(),
                    e.getHeaders());
        }
        if (error instanceof UnsupportedMediaTypeStatusException e) {
            String type =
                    e.getContentType() == null ? "none" : e.getContentType().toString();
            return of(
                    ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "content type " + type + " (expected: application/json)",
                    List.of(),
                    e.getHeaders());
        }
        if (error instanceof NotAcceptableStatusException e) {
            return of(
                    ProblemType.NOT_ACCEPTABLE,
                    "no acceptable representation (expected: application/json)",
                    List.of(),
                    e.getHeaders());
        }
        if (error instanceof PayloadTooLargeException) {
            return of(ProblemType.PAYLOAD_TOO_LARGE, "request body too large", List.of(), null);
        }
        if (error instanceof ErrorResponse e) {
            int status = e.getStatusCode().value();
            if (status == HttpStatus.NOT_FOUND.value()) {
                return of(ProblemType.NOT_FOUND, "no such resource", List.of(), null);
            }
            if (status == HttpStatus.UNAUTHORIZED.value()) {
                return of(ProblemType.UNAUTHORIZED, "missing or invalid bearer token", List.of(), null);
            }
            if (status >= 400 && status < 500) {
                return new Problem(
                        ProblemType.BAD_REQUEST.uri(),
                        ProblemType.BAD_REQUEST.title(),
                        status,
                        e.getBody().getDetail(),
                        null,
                        List.of(),
                        e.getHeaders());
            }
        }
        if (find(error, TimeoutException.class) != null
                || find(error, QueryTimeoutException.class) != null
                || find(error, DataAccessResourceFailureException.class) != null) {
            return of(
                    ProblemType.UNAVAILABLE, "a backing service did not answer in time; retry later", List.of(), null);
        }
        return of(ProblemType.INTERNAL, "unexpected error", List.of(), null);
    }

    private static Problem fromJackson(JacksonException json) {
        String field = path(json);
        if (json instanceof UnrecognizedPropertyException unknown) {
            String name = field.isEmpty() ? unknown.getPropertyName() : field;
            String known = unknown.getKnownPropertyIds() == null
                    ? ""
                    : unknown.getKnownPropertyIds().stream()
                            .map(Object::toString)
                            .sorted()
                            .collect(Collectors.joining(", "));
            String message = name + ": unknown field (expected one of: " + known + ")";
            return of(ProblemType.INVALID_FIELD, message, fieldList(name, message), null);
        }
        if (json instanceof MismatchedInputException mismatch && !field.isEmpty()) {
            String message = field + ": wrong type (expected: " + expected(mismatch.getTargetType()) + ")";
            return of(ProblemType.INVALID_FIELD, message, fieldList(field, message), null);
        }
        if (json instanceof StreamReadException || field.isEmpty()) {
            String name = field.isEmpty() ? "body" : field;
            String message = name + ": malformed JSON";
            return of(ProblemType.MALFORMED_BODY, message, fieldList(name, message), null);
        }
        String message = field + ": invalid value";
        return of(ProblemType.INVALID_FIELD, message, fieldList(field, message), null);
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "a different JSON type";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        if (target == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        }
        if (target == Boolean.class) {
            return "a boolean";
        }
        return "an object";
    }

    /** The JSON path of the failing value, in the wire (snake_case) names: {@code inputs[0].url}. */
    static String path(JacksonException json) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference ref : json.getPath()) {
            if (ref.getPropertyName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static List<FieldProblem> fieldList(String field, String message) {
        return List.of(new FieldProblem(field, message));
    }

    private static Problem of(ProblemType type, String detail, List<FieldProblem> errors, HttpHeaders headers) {
        return new Problem(type.uri(), type.title(), type.status().value(), detail, null, errors, headers);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
