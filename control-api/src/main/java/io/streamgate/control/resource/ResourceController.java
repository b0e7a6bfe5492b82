package io.streamgate.control.resource;

import io.streamgate.control.web.FieldProblem;
import io.streamgate.control.web.PathNames;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import io.streamgate.domain.id.SnowflakeIdGenerator;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Admin API for the resource catalog: create, list, show and describe. There is no delete (usage and prices will
 * refer to resources), so DELETE is answered 405. Resources are not in the gateways' snapshot: a change is a plain
 * write, not a config version.
 */
@RestController
@RequestMapping(path = "/admin/v1/resources", produces = MediaType.APPLICATION_JSON_VALUE)
class ResourceController {

    private static final String PATH = "/admin/v1/resources/";

    private final ResourceStore store;
    private final SnowflakeIdGenerator ids;
    private final JsonMapper json;
    private final Clock clock;

    ResourceController(ResourceStore store, SnowflakeIdGenerator ids, JsonMapper json, Clock clock) {
        this.store = store;
        this.ids = ids;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ResourceResponse>> create(@RequestBody Mono<ResourceRequest> body) {
        return body.flatMap(request -> {
            // Milliseconds, so that the answer shows what PostgreSQL (microseconds) keeps.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Resource resource = ResourceRules.check(ids.next(), request, now);
            return store.insert(resource)
                    .onErrorMap(DuplicateKeyException.class, e -> nameTaken(resource.name()))
                    .thenReturn(ResponseEntity.created(URI.create(PATH + resource.name()))
                            .body(ResourceResponse.of(resource)));
        });
    }

    @GetMapping
    Mono<ResourceResponse.Page> list() {
        return store.all().map(ResourceResponse::of).collectList().map(ResourceResponse.Page::new);
    }

    @GetMapping("/{name}")
    Mono<ResourceResponse> get(ServerWebExchange exchange) {
        return Mono.defer(() -> {
            String name = name(exchange);
            return store.find(name)
                    .switchIfEmpty(Mono.error(() -> notFound(name)))
                    .map(ResourceResponse::of);
        });
    }

    @PatchMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResourceResponse> update(ServerWebExchange exchange, @RequestBody Mono<JsonNode> body) {
        // The name is checked before the body is read, so a bad name is reported as such whatever the body holds.
        return Mono.defer(() -> {
            String name = name(exchange);
            return body.flatMap(node -> {
                if (!(node instanceof ObjectNode)) {
                    String message = "body: not an object (expected: a JSON object with the fields to change)";
                    return Mono.error(new ProblemException(
                            ProblemType.MALFORMED_BODY, message, List.of(new FieldProblem("body", message))));
                }
                // Read as the creation's body, so an unknown field is rejected the same way.
                ResourceRequest patch = json.treeToValue(node, ResourceRequest.class);
                return store.find(name)
                        .switchIfEmpty(Mono.error(() -> notFound(name)))
                        .flatMap(stored -> {
                            Resource changed = ResourceRules.change(stored, patch);
                            return store.updateDescription(name, changed.description())
                                    .flatMap(rows ->
                                            rows == 0 ? Mono.<Resource>error(notFound(name)) : Mono.just(changed));
                        })
                        .map(ResourceResponse::of);
            });
        });
    }

    /** The name in the path; one that no resource can have is an {@code invalid-name} problem, like other names. */
    private static String name(ServerWebExchange exchange) {
        String name = PathNames.segment(exchange.getRequest(), 0);
        if (!ResourceRules.isName(name)) {
            throw ProblemException.field(
                    ProblemType.INVALID_NAME, "name", "name: '" + name + "' (expected: " + ResourceRules.NAME + ")");
        }
        return name;
    }

    private static ProblemException notFound(String name) {
        return new ProblemException(ProblemType.NOT_FOUND, "resource '" + name + "' not found");
    }

    private static ProblemException nameTaken(String name) {
        String message = "name: '" + name + "' is already taken";
        return new ProblemException(ProblemType.CONFLICT, message, List.of(new FieldProblem("name", message)));
    }
}
