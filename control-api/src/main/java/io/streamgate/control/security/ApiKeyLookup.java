package io.streamgate.control.security;

import io.streamgate.control.storage.StorageSettings;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Finds the project of an API key by the key's hash. */
@Component
class ApiKeyLookup {

    private final DatabaseClient db;
    private final StorageSettings storage;

    ApiKeyLookup(DatabaseClient db, StorageSettings storage) {
        this.db = db;
        this.storage = storage;
    }

    /** Empty when no project has this key. */
    Mono<Long> projectOf(String apiKey) {
        return db.sql("SELECT project_id FROM api_keys WHERE key_hash = :hash")
                .bind("hash", ApiKeys.hash(apiKey))
                .map(row -> row.get("project_id", Long.class))
                .one()
                .timeout(storage.statementTimeout());
    }
}
