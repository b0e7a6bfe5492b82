package io.streamgate.control.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The closed list of problem types the APIs answer. The {@code type} URIs are a contract: clients branch on them, so
 * a type is never renamed, only added.
 */
public enum ProblemType {
    INVALID_NAME("invalid-name", "Invalid name", HttpStatus.BAD_REQUEST),
    INVALID_FIELD("invalid-field", "Invalid field", HttpStatus.BAD_REQUEST),
    MALFORMED_BODY("malformed-body", "Malformed request body", HttpStatus.BAD_REQUEST),
    BAD_REQUEST("bad-request", "Bad request", HttpStatus.BAD_REQUEST),
    UNAUTHORIZED("unauthorized", "Unauthorized", HttpStatus.UNAUTHORIZED),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT),
    AUTH_BACKEND_IN_USE("auth-backend-in-use", "Auth backend in use", HttpStatus.CONFLICT),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", HttpStatus.CONTENT_TOO_LARGE),
    UNAVAILABLE("unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

    private static final String BASE = "https://streamgate.io/problems/";

    private final URI uri;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.uri = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }
}
