package io.streamgate.control.stream;

import io.streamgate.control.placement.PlacementEventList;
import io.streamgate.control.placement.PlacementEventLog;
import io.streamgate.control.security.OperatorProject;
import io.streamgate.control.web.PathNames;
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
import org.springframework.web.bind.annotation.RequestParam;
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
            return body.flatMap(request -> service.put(
                            project,
                            name,
                            request.inputs(),
                            request.playbackMode(),
                            request.authChain(),
                            request.region())
                    .flatMap(saved -> service.response(saved.stream())
                            .map(response -> ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                                    .body(response))));
        });
    }

    @GetMapping("/{name}/events")
    Mono<PlacementEventList> events(
            ServerWebExchange exchange, @RequestParam(name = "limit", required = false) String limit) {
        return Mono.defer(() -> service.events(
                OperatorProject.of(exchange).id(),
                PathNames.segment(exchange.getRequest(), 1),
                PlacementEventLog.limit(limit)));
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
