package io.streamgate.control.storage;

import io.r2dbc.h2.H2ConnectionConfiguration;
import io.r2dbc.h2.H2ConnectionFactory;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Turns {@code STREAMGATE_PG_URL} (or its absence) into a migrated database: Flyway over JDBC first, then the R2DBC
 * connection factory that requests use. Both point at the same database, so the schema the requests see is always
 * the migrated one.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    /** The H2 settings that make the embedded database accept the PostgreSQL migrations and queries. */
    private static final String H2_OPTIONS = "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    @Bean
    EmbeddedOrExternal databaseLocation(StorageSettings settings) {
        if (settings.url().isEmpty()) {
            // Random per context so that two application contexts in one JVM (tests) never share tables.
            String name =
                    "streamgate-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
            log.warn("STREAMGATE_PG_URL is not set: using an embedded in-memory H2 database; data is lost on exit");
            return new EmbeddedOrExternal(null, name);
        }
        DatabaseTarget target = DatabaseTarget.parse(settings.url());
        log.info("Database: {}", target);
        return new EmbeddedOrExternal(target, null);
    }

    /** Migrates at start-up, before anything can serve a request; blocking is fine here, on the main thread. */
    @Bean(initMethod = "migrate")
    Flyway flyway(EmbeddedOrExternal location) {
        var config = Flyway.configure().locations("classpath:db/migration");
        if (location.target() == null) {
            config.dataSource("jdbc:h2:mem:" + location.embeddedName() + ";DB_CLOSE_DELAY=-1;" + H2_OPTIONS, "sa", "");
        } else {
            DatabaseTarget target = location.target();
            config.dataSource(target.jdbcUrl(), target.username(), target.password());
            if (target.schema() != null) {
                config.schemas(target.schema()).createSchemas(true);
            }
        }
        return config.load();
    }

    @Bean
    @DependsOn("flyway")
    ConnectionFactory connectionFactory(EmbeddedOrExternal location) {
        if (location.target() == null) {
            return new H2ConnectionFactory(H2ConnectionConfiguration.builder()
                    .inMemory(location.embeddedName())
                    .username("sa")
                    .option("DB_CLOSE_DELAY=-1")
                    .option(H2_OPTIONS)
                    .build());
        }
        DatabaseTarget target = location.target();
        var options = ConnectionFactoryOptions.parse(target.r2dbcUrl()).mutate();
        options.option(ConnectionFactoryOptions.USER, target.username());
        if (target.password() != null) {
            options.option(ConnectionFactoryOptions.PASSWORD, target.password());
        }
        return ConnectionFactories.get(options.build());
    }

    @Bean
    ReactiveTransactionManager transactionManager(ConnectionFactory connectionFactory) {
        return new R2dbcTransactionManager(connectionFactory);
    }

    @Bean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    /** Exactly one of the two is set: an external PostgreSQL target or the name of an embedded H2 database. */
    record EmbeddedOrExternal(DatabaseTarget target, String embeddedName) {}
}
