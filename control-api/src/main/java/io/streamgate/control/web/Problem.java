package io.streamgate.control.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * The RFC 9457 body, plus {@code errors} naming rejected fields. {@code headers} are sent with it (for example
 * {@code Allow} on a 405) and never serialised.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldProblem> errors,
        @com.fasterxml.jackson.annotation.JsonIgnore HttpHeaders headers) {

    Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        headers = headers == null ? HttpHeaders.EMPTY : headers;
    }

    Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, headers);
    }
}
