package io.streamgate.control.storage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is and how long one statement may take.
 *
 * @param url {@code postgresql://user[:password]@host:port/db[?schema=name]} (from {@code STREAMGATE_PG_URL}); empty
 *     means an embedded in-memory H2 database in PostgreSQL mode, for development only
 * @param statementTimeout the timeout every feature puts on each database call (default 5 s), so that a stuck driver
 *     fails a request instead of hanging it
 */
@ConfigurationProperties("streamgate.control.storage")
public record StorageSettings(String url, Duration statementTimeout) {

    public StorageSettings {
        url = url == null ? "" : url.trim();
        statementTimeout = statementTimeout == null ? Duration.ofSeconds(5) : statementTimeout;
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "streamgate.control.storage.statement-timeout: " + statementTimeout + " (expected: > 0)");
        }
    }
}
