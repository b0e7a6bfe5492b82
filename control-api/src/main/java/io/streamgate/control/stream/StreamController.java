package io.streamgate.control.stream;

import io.streamgate.control.security.OperatorProject;
import io.streamgate.control.web.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Operator API for streams; the project always comes from the API key. */
@RestController
@RequestMapping(path = "/api/v1/streams", produces = MediaType.APPLICATION_JSON_VALUE)
class StreamController {

    private final StreamService service;

    StreamController(StreamService service) {
        this.service = service;
    }

    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<StreamResponse>> put(ServerWebExchange exchange, @RequestBody Mono<StreamRequest> body) {
        // The name is checked before the body is read, so a bad name is reported as such whatever the body holds.
        return Mono.defer(() -> {
            long project = OperatorProject.of(exchange).id();
            String name = rawName(exchange.getRequest());
            return body.flatMap(request -> {
                var errors = StreamRules.check(request);
                if (!errors.isEmpty()) {
                    return Mono.error(ProblemException.fields(errors));
                }
                String mode =
                        request.playbackMode() == null ? StreamRules.DEFAULT_PLAYBACK_MODE : request.playbackMode();
                List<String> chain = request.authChain() == null ? null : List.copyOf(request.authChain());
                return service.put(project, name, List.copyOf(request.inputs()), mode, chain)
                        .map(saved -> ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                                .body(service.response(saved.stream(), saved.placed())));
            });
        });
    }

    @GetMapping("/{name}")
    Mono<StreamResponse> get(ServerWebExchange exchange) {
        return Mono.defer(() -> service.get(OperatorProject.of(exchange).id(), rawName(exchange.getRequest())));
    }

    @DeleteMapping("/{name}")
    Mono<ResponseEntity<Void>> delete(ServerWebExchange exchange) {
        return Mono.defer(() -> service.delete(OperatorProject.of(exchange).id(), rawName(exchange.getRequest())))
                .thenReturn(ResponseEntity.noContent().build());
    }

    /**
     * A name never holds a slash, so a deeper path that no route serves is a bad name, not a missing resource: the
     * operator is told what is wrong, and nothing is read, stored or pushed.
     */
    @RequestMapping("/{name}/{*rest}")
    Mono<Void> nameWithSlash(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        return Mono.error(StreamRules.invalidName(path.substring(path.indexOf("/streams/") + "/streams/".length())));
    }

    @GetMapping
    Mono<StreamList> list(ServerWebExchange exchange) {
        return service.list(OperatorProject.of(exchange).id());
    }

    /** The name from the raw last path segment, validated before anything else happens. */
    private static String rawName(ServerHttpRequest request) {
        List<PathContainer.Element> elements =
                request.getPath().pathWithinApplication().elements();
        PathContainer.Element last = elements.get(elements.size() - 1);
        return StreamRules.nameFromRawSegment(last.value());
    }
}
