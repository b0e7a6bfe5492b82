package io.streamgate.control.project;

import io.streamgate.control.events.ConfigChanges;
import io.streamgate.control.security.ApiKeys;
import io.streamgate.control.web.FieldProblem;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import io.streamgate.domain.id.SnowflakeIdGenerator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Admin API for projects: create (with the first API key, shown once) and list. */
@RestController
@RequestMapping(path = "/admin/v1/projects", produces = MediaType.APPLICATION_JSON_VALUE)
class ProjectController {

    private final ProjectStore store;
    private final ApiKeys apiKeys;
    private final ConfigChanges changes;
    private final SnowflakeIdGenerator ids;
    private final Clock clock;

    ProjectController(
            ProjectStore store, ApiKeys apiKeys, ConfigChanges changes, SnowflakeIdGenerator ids, Clock clock) {
        this.store = store;
        this.apiKeys = apiKeys;
        this.changes = changes;
        this.ids = ids;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ProjectResponse> create(@RequestBody ProjectRequest request) {
        List<FieldProblem> errors = ProjectRules.check(request);
        if (!errors.isEmpty()) {
            return Mono.error(ProblemException.fields(errors));
        }
        List<String> domains = request.domains() == null ? List.of() : List.copyOf(request.domains());
        long id = ids.next();
        String key = apiKeys.generate();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return changes.commit(v -> store.takenDomains(domains)
                        .collectList()
                        .flatMap(taken -> taken.isEmpty()
                                ? store.insert(id, request.name(), domains, ApiKeys.hash(key), now)
                                        .thenReturn(id)
                                : Mono.error(domainsTaken(taken))))
                // A concurrent creation may win the race between our check and our insert.
                .onErrorMap(DataIntegrityViolationException.class, e -> domainsTaken(domains))
                .thenReturn(new ProjectResponse(Long.toString(id), request.name(), domains, "active", key));
    }

    @GetMapping
    Mono<ProjectList> list() {
        return store.all().map(ProjectList::new);
    }

    private static ProblemException domainsTaken(List<String> taken) {
        String message = "domains: " + taken + " (expected: domains no other project uses)";
        return new ProblemException(ProblemType.CONFLICT, message, List.of(new FieldProblem("domains", message)));
    }
}
