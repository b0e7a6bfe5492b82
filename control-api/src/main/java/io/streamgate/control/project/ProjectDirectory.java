package io.streamgate.control.project;

import io.streamgate.control.storage.StorageSettings;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What other features may read about a project. */
@Component
public class ProjectDirectory {

    private final DatabaseClient db;
    private final StorageSettings storage;

    ProjectDirectory(DatabaseClient db, StorageSettings storage) {
        this.db = db;
        this.storage = storage;
    }

    /** The project's player domains, sorted. */
    public Mono<List<String>> domains(long projectId) {
        return db.sql("SELECT domain FROM project_domains WHERE project_id = :project ORDER BY domain")
                .bind("project", projectId)
                .map(row -> row.get("domain", String.class))
                .all()
                .timeout(storage.statementTimeout())
                .collectList();
    }
}
