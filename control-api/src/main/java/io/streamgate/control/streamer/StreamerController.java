package io.streamgate.control.streamer;

import io.streamgate.control.web.PathNames;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Admin API for streamers: register, list, show, change (partially) and remove. */
@RestController
@RequestMapping(path = "/admin/v1/streamers", produces = MediaType.APPLICATION_JSON_VALUE)
class StreamerController {

    private final StreamerService service;

    StreamerController(StreamerService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<StreamerResponse> register(@RequestBody Mono<StreamerRequest> body) {
        return body.flatMap(service::register);
    }

    @GetMapping
    Mono<StreamerList> list() {
        return service.list().map(StreamerList::new);
    }

    @GetMapping("/{name}")
    Mono<StreamerResponse> get(ServerWebExchange exchange) {
        return Mono.defer(() -> service.get(PathNames.segment(exchange.getRequest(), 0)));
    }

    @PatchMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<StreamerResponse> update(ServerWebExchange exchange, @RequestBody Mono<JsonNode> body) {
        // The name is checked before the body is read, so a bad name is reported as such whatever the body holds.
        return Mono.defer(() -> {
            String name = PathNames.segment(exchange.getRequest(), 0);
            return body.flatMap(patch -> service.update(name, patch));
        });
    }

    @DeleteMapping("/{name}")
    Mono<ResponseEntity<Void>> delete(ServerWebExchange exchange) {
        return Mono.defer(() -> service.delete(PathNames.segment(exchange.getRequest(), 0)))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
