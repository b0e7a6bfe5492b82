package io.streamgate.control.project;

import io.streamgate.control.auth.AuthChains;
import io.streamgate.control.events.ConfigChanges;
import io.streamgate.control.security.OperatorProject;
import io.streamgate.control.storage.StorageSettings;
import io.streamgate.control.web.FieldProblem;
import io.streamgate.control.web.ProblemException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Operator API for the operator's own project (the one of the API key): read it, set its default auth chain. */
@RestController
@RequestMapping(path = "/api/v1/project", produces = MediaType.APPLICATION_JSON_VALUE)
class OperatorProjectController {

    private static final TypeReference<List<String>> CHAIN = new TypeReference<>() {};

    private record Row(String name, String chain) {}

    private final DatabaseClient db;
    private final StorageSettings storage;
    private final ProjectDirectory directory;
    private final AuthChains chains;
    private final ConfigChanges changes;
    private final JsonMapper json;

    OperatorProjectController(
            DatabaseClient db,
            StorageSettings storage,
            ProjectDirectory directory,
            AuthChains chains,
            ConfigChanges changes,
            JsonMapper json) {
        this.db = db;
        this.storage = storage;
        this.directory = directory;
        this.chains = chains;
        this.changes = changes;
        this.json = json;
    }

    @GetMapping
    Mono<OperatorProjectResponse> get(ServerWebExchange exchange) {
        return Mono.defer(() -> read(OperatorProject.of(exchange).id()));
    }

    @PutMapping(path = "/default-auth-chain", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<OperatorProjectResponse> putDefaultChain(
            ServerWebExchange exchange, @RequestBody Mono<DefaultAuthChainRequest> body) {
        return Mono.defer(() -> {
            long project = OperatorProject.of(exchange).id();
            return body.flatMap(request -> {
                List<String> chain = request.authChain();
                if (chain == null) {
                    String message = "auth_chain: missing (expected: a list of 0.." + AuthChains.MAX_LENGTH
                            + " backend names; [] for none)";
                    return Mono.error(ProblemException.fields(List.of(new FieldProblem("auth_chain", message))));
                }
                List<FieldProblem> errors = AuthChains.shape(chain, "auth_chain");
                if (!errors.isEmpty()) {
                    return Mono.error(ProblemException.fields(errors));
                }
                return changes.commit(v -> chains.requireExisting(project, chain, "auth_chain")
                                .then(db.sql("UPDATE projects SET default_auth_chain = :chain WHERE id = :project")
                                        .bind("chain", json.writeValueAsString(chain))
                                        .bind("project", project)
                                        .fetch()
                                        .rowsUpdated()
                                        .timeout(storage.statementTimeout())))
                        .then(read(project));
            });
        });
    }

    private Mono<OperatorProjectResponse> read(long project) {
        return db.sql("SELECT name, default_auth_chain FROM projects WHERE id = :project")
                .bind("project", project)
                .map(row -> new Row(row.get("name", String.class), row.get("default_auth_chain", String.class)))
                .one()
                .timeout(storage.statementTimeout())
                .flatMap(row -> directory
                        .domains(project)
                        .map(domains -> new OperatorProjectResponse(
                                Long.toString(project), row.name(), domains, json.readValue(row.chain(), CHAIN))));
    }
}
