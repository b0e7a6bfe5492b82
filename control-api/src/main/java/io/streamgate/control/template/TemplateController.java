package io.streamgate.control.template;

import io.streamgate.control.auth.AuthChains;
import io.streamgate.control.security.OperatorProject;
import io.streamgate.control.web.FieldProblem;
import io.streamgate.control.web.PathNames;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Operator API for publish templates. Templates are not part of the gateways' snapshot (players never see them), so a
 * change is a plain transaction, not a config version.
 */
@RestController
@RequestMapping(path = "/api/v1/templates", produces = MediaType.APPLICATION_JSON_VALUE)
class TemplateController {

    private final TemplateStore store;
    private final AuthChains chains;
    private final TransactionalOperator tx;
    private final Clock clock;

    TemplateController(TemplateStore store, AuthChains chains, TransactionalOperator tx, Clock clock) {
        this.store = store;
        this.chains = chains;
        this.tx = tx;
        this.clock = clock;
    }

    @PutMapping(path = "/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<TemplateResponse>> put(ServerWebExchange exchange, @RequestBody Mono<TemplateRequest> body) {
        return Mono.defer(() -> {
            long project = OperatorProject.of(exchange).id();
            String name = PathNames.segment(exchange.getRequest(), 0);
            return body.flatMap(request -> {
                List<FieldProblem> errors = TemplateRules.check(request);
                if (!errors.isEmpty()) {
                    return Mono.error(ProblemException.fields(errors));
                }
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                String mode =
                        request.playbackMode() == null ? TemplateRules.DEFAULT_PLAYBACK_MODE : request.playbackMode();
                return tx.transactional(chains.requireExisting(project, request.authChain(), "auth_chain")
                                .then(store.find(project, name))
                                .map(existing -> new Saved(
                                        new StoredTemplate(
                                                project,
                                                name,
                                                request.prefix(),
                                                mode,
                                                request.authChain(),
                                                request.region(),
                                                existing.createdAt(),
                                                now),
                                        false))
                                .defaultIfEmpty(new Saved(
                                        new StoredTemplate(
                                                project,
                                                name,
                                                request.prefix(),
                                                mode,
                                                request.authChain(),
                                                request.region(),
                                                now,
                                                now),
                                        true))
                                .flatMap(saved -> (saved.created()
                                                ? store.insert(saved.template())
                                                : store.update(saved.template()))
                                        .thenReturn(saved)))
                        .onErrorMap(DataIntegrityViolationException.class, e -> prefixTaken(request.prefix()))
                        .map(saved -> ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                                .body(TemplateResponse.of(saved.template())));
            });
        });
    }

    @GetMapping("/{name}")
    Mono<TemplateResponse> get(ServerWebExchange exchange) {
        return Mono.defer(() -> {
            String name = PathNames.segment(exchange.getRequest(), 0);
            return store.find(OperatorProject.of(exchange).id(), name)
                    .switchIfEmpty(Mono.error(() -> notFound(name)))
                    .map(TemplateResponse::of);
        });
    }

    @GetMapping
    Mono<TemplateResponse.Page> list(ServerWebExchange exchange) {
        return Mono.defer(() -> store.all(OperatorProject.of(exchange).id())
                .map(TemplateResponse::of)
                .collectList()
                .map(TemplateResponse.Page::new));
    }

    @DeleteMapping("/{name}")
    Mono<ResponseEntity<Void>> delete(ServerWebExchange exchange) {
        return Mono.defer(() -> {
            String name = PathNames.segment(exchange.getRequest(), 0);
            return store.delete(OperatorProject.of(exchange).id(), name)
                    .flatMap(rows -> rows == 0
                            ? Mono.<ResponseEntity<Void>>error(notFound(name))
                            : Mono.just(ResponseEntity.noContent().build()));
        });
    }

    /** The same answer for a missing and a foreign template. */
    static ProblemException notFound(String name) {
        return new ProblemException(ProblemType.NOT_FOUND, "template '" + name + "' not found");
    }

    private static ProblemException prefixTaken(String prefix) {
        String message = "prefix: '" + prefix + "' is already used by another template of this project";
        return new ProblemException(ProblemType.CONFLICT, message, List.of(new FieldProblem("prefix", message)));
    }

    private record Saved(StoredTemplate template, boolean created) {}
}
