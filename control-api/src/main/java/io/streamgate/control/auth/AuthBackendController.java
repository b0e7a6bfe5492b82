package io.streamgate.control.auth;

import io.streamgate.control.security.OperatorProject;
import io.streamgate.control.web.PathNames;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Operator API for auth backends; the project always comes from the API key. */
@RestController
@RequestMapping(path = "/api/v1/auth-backends", produces = MediaType.APPLICATION_JSON_VALUE)
class AuthBackendController {

    private final AuthBackendService service;

    AuthBackendController(AuthBackendService service) {
        this.service = service;
    }

    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<AuthBackendResponse>> put(
            ServerWebExchange exchange, @RequestBody Mono<AuthBackendRequest> body) {
        // The name is checked before the body is read, so a bad name is reported as such whatever the body holds.
        return Mono.defer(() -> {
            long project = OperatorProject.of(exchange).id();
            String name = PathNames.segment(exchange.getRequest(), 0);
            return body.flatMap(request -> service.put(project, name, request))
                    .map(saved -> ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                            .body(AuthBackendResponse.of(saved.backend())));
        });
    }

    @GetMapping("/{name}")
    Mono<AuthBackendResponse> get(ServerWebExchange exchange) {
        return Mono.defer(
                () -> service.get(OperatorProject.of(exchange).id(), PathNames.segment(exchange.getRequest(), 0))
                        .map(AuthBackendResponse::of));
    }

    @DeleteMapping("/{name}")
    Mono<ResponseEntity<Void>> delete(ServerWebExchange exchange) {
        return Mono.defer(() ->
                        service.delete(OperatorProject.of(exchange).id(), PathNames.segment(exchange.getRequest(), 0)))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** A name never holds a slash: a deeper path is a bad name, not a missing resource. */
    @RequestMapping("/{name}/{*rest}")
    Mono<Void> nameWithSlash(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        String marker = "/auth-backends/";
        return Mono.error(PathNames.invalid(path.substring(path.indexOf(marker) + marker.length())));
    }

    @GetMapping
    Mono<AuthBackendList> list(ServerWebExchange exchange) {
        return Mono.defer(() -> service.list(OperatorProject.of(exchange).id()))
                .map(all -> new AuthBackendList(
                        all.stream().map(AuthBackendResponse::of).toList()));
    }
}
