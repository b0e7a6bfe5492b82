package io.streamgate.control.project;

import io.streamgate.control.storage.StorageSettings;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Projects, their domains and API key hashes in the database. */
@Component
class ProjectStore {

    private final DatabaseClient db;
    private final StorageSettings storage;

    ProjectStore(DatabaseClient db, StorageSettings storage) {
        this.db = db;
        this.storage = storage;
    }

    Flux<String> takenDomains(List<String> domains) {
        return Flux.fromIterable(domains)
                .concatMap(domain -> db.sql("SELECT domain FROM project_domains WHERE domain = :domain")
                        .bind("domain", domain)
                        .map(row -> row.get("domain", String.class))
                        .all()
                        .timeout(storage.statementTimeout()));
    }

    Mono<Void> insert(long id, String name, List<String> domains, String keyHash, OffsetDateTime now) {
        Mono<Long> project = db.sql(
                        "INSERT INTO projects (id, name, status, created_at) VALUES (:id, :name, 'active', :now)")
                .bind("id", id)
                .bind("name", name)
                .bind("now", now)
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout());
        Flux<Long> domainRows = Flux.fromIterable(domains)
                .concatMap(domain -> db.sql("INSERT INTO project_domains (domain, project_id) VALUES (:domain, :id)")
                        .bind("domain", domain)
                        .bind("id", id)
                        .fetch()
                        .rowsUpdated()
                        .timeout(storage.statementTimeout()));
        Mono<Long> key = db.sql("INSERT INTO api_keys (key_hash, project_id, created_at) VALUES (:hash, :id, :now)")
                .bind("hash", keyHash)
                .bind("id", id)
                .bind("now", now)
                .fetch()
                .rowsUpdated()
                .timeout(storage.statementTimeout());
        return project.thenMany(domainRows).then(key).then();
    }

    Mono<List<ProjectResponse>> all() {
        Mono<Map<Long, List<String>>> domains = db.sql(
                        "SELECT project_id, domain FROM project_domains ORDER BY project_id, domain")
                .map(row -> Map.entry(row.get("project_id", Long.class), row.get("domain", String.class)))
                .all()
                .timeout(storage.statementTimeout())
                .collectMultimap(Map.Entry::getKey, Map.Entry::getValue)
                .map(multi -> {
                    Map<Long, List<String>> out = new LinkedHashMap<>();
                    multi.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
                    return out;
                });
        return domains.flatMap(byProject -> db.sql("SELECT id, name, status FROM projects ORDER BY id")
                .map(row -> {
                    long id = row.get("id", Long.class);
                    return new ProjectResponse(
                            Long.toString(id),
                            row.get("name", String.class),
                            byProject.getOrDefault(id, List.of()),
                            row.get("status", String.class),
                            null);
                })
                .all()
                .timeout(storage.statementTimeout())
                .collectList());
    }
}
