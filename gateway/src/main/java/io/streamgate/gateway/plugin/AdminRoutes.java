package io.streamgate.gateway.plugin;

import io.streamgate.gateway.snapshot.SnakeCaseJson;
import io.streamgate.plugin.host.loading.PluginHost;
import io.streamgate.plugin.host.loading.PluginStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's admin API, registered in the management server's own context only, so the player port never serves
 * it. Without a configured token it does not exist (404); with one it requires {@code Authorization: Bearer <token>}.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
class AdminRoutes {

    static final String PLUGINS = "/admin/v1/plugins";
    static final String RELOAD = "/admin/v1/plugins/reload";
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final byte[] UNAUTHORIZED = SnakeCaseJson.MAPPER.writeValueAsBytes(Map.of(
            "type", "https://streamgate.io/problems/unauthorized",
            "title", "Unauthorized",
            "status", 401,
            "detail", "a valid 'Authorization: Bearer <admin token>' header is required"));

    @Bean
    RouterFunction<ServerResponse> gatewayAdminRoutes(PluginHost host, PluginReload reload, AdminProperties admin) {
        byte[] token = admin.token() == null ? null : admin.token().getBytes(StandardCharsets.UTF_8);
        return RouterFunctions.route()
                .GET(PLUGINS, request -> guarded(token, request, () -> Mono.just(host.plugins())))
                .POST(
                        RELOAD,
                        request -> guarded(token, request, () -> Mono.fromCallable(() -> {
                                    reload.reload();
                                    return host.plugins();
                                })
                                // Reading jars and rebuilding every auth backend blocks: never on the event loop.
                                .subscribeOn(Schedulers.boundedElastic())))
                .build();
    }

    private static Mono<ServerResponse> guarded(
            byte[] token, ServerRequest request, java.util.function.Supplier<Mono<List<PluginStatus>>> action) {
        if (token == null) {
            return ServerResponse.notFound().build();
        }
        String header = request.headers().firstHeader(HttpHeaders.AUTHORIZATION);
        byte[] given = header != null && header.startsWith("Bearer ")
                ? header.substring(7).getBytes(StandardCharsets.UTF_8)
                : new byte[0];
        if (!MessageDigest.isEqual(token, given)) {
            return ServerResponse.status(401)
                    .contentType(PROBLEM)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .bodyValue(UNAUTHORIZED);
        }
        return action.get().flatMap(plugins -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(SnakeCaseJson.MAPPER.writeValueAsBytes(Map.of("plugins", plugins))));
    }
}
