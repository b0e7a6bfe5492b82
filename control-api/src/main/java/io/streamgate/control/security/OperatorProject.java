package io.streamgate.control.security;

import org.springframework.web.server.ServerWebExchange;

/** The project an operator request acts for, taken from its API key and never from the URL. */
public record OperatorProject(long id) {

    static final String ATTRIBUTE = OperatorProject.class.getName();

    /** The authenticated project; the security filter guarantees it for every {@code /api/v1} request. */
    public static OperatorProject of(ServerWebExchange exchange) {
        OperatorProject project = exchange.getAttribute(ATTRIBUTE);
        if (project == null) {
            throw new IllegalStateException("no operator project: is the request under /api/v1?");
        }
        return project;
    }
}
