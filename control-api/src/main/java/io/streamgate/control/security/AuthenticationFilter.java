package io.streamgate.control.security;

import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Guards the three APIs: {@code /admin/v1} by the admin token, {@code /internal/v1} by the gateway token, {@code
 * /api/v1} by an operator API key, which also decides the project. Failures are problems, rendered like any other.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AuthenticationFilter implements WebFilter {

    private final SecuritySettings settings;
    private final ApiKeyLookup apiKeys;

    AuthenticationFilter(SecuritySettings settings, ApiKeyLookup apiKeys) {
        this.settings = settings;
        this.apiKeys = apiKeys;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = canonical(exchange.getRequest().getPath().pathWithinApplication());
        String token = BearerTokens.from(exchange.getRequest());
        if (under(path, "/admin/v1")) {
            return BearerTokens.matches(token, settings.adminToken())
                    ? chain.filter(exchange)
                    : unauthorized("admin token");
        }
        if (under(path, "/internal/v1")) {
            return BearerTokens.matches(token, settings.gatewayToken())
                    ? chain.filter(exchange)
                    : unauthorized("gateway token");
        }
        if (under(path, "/api/v1")) {
            if (token == null) {
                return unauthorized("API key");
            }
            return apiKeys.projectOf(token)
                    .switchIfEmpty(Mono.error(() -> problem("API key")))
                    .flatMap(projectId -> {
                        exchange.getAttributes().put(OperatorProject.ATTRIBUTE, new OperatorProject(projectId));
                        return chain.filter(exchange);
                    });
        }
        return chain.filter(exchange);
    }

    /**
     * The path as the router will see it: segments decoded, matrix parameters and empty segments dropped. Guarding
     * the raw path instead would let {@code /admin;x/v1} or {@code /%61dmin/v1} reach a handler unauthenticated.
     */
    static String canonical(PathContainer path) {
        StringBuilder out = new StringBuilder();
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment
                    && !segment.valueToMatch().isEmpty()) {
                out.append('/').append(segment.valueToMatch());
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static Mono<Void> unauthorized(String what) {
        return Mono.error(problem(what));
    }

    private static ProblemException problem(String what) {
        return new ProblemException(
                ProblemType.UNAUTHORIZED, "Authorization: missing or invalid (expected: Bearer <" + what + ">)");
    }
}
