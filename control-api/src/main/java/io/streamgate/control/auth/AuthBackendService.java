package io.streamgate.control.auth;

import io.streamgate.control.events.ConfigChanges;
import io.streamgate.control.web.FieldProblem;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.http.RefusedTargetException;
import io.streamgate.plugin.host.auth.AuthGuard;
import io.streamgate.plugin.host.auth.GuardedAuthBackend;
import io.streamgate.plugin.host.auth.UnknownBackendTypeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Auth backends of a project: validated by their plugin before anything is written, stored with the config version
 * in one transaction, and announced only after the commit.
 */
@Service
class AuthBackendService {

    /** Validation may resolve host names; a plugin that takes longer than this is answered as unavailable. */
    static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(10);

    private final AuthBackendStore store;
    private final AuthGuard guard;
    private final ConfigChanges changes;
    private final Clock clock;

    AuthBackendService(AuthBackendStore store, AuthGuard guard, ConfigChanges changes, Clock clock) {
        this.store = store;
        this.guard = guard;
        this.changes = changes;
        this.clock = clock;
    }

    record Saved(StoredAuthBackend backend, boolean created) {}

    /** Creates or replaces; nothing is written unless the plugin accepted the settings. */
    Mono<Saved> put(long projectId, String name, AuthBackendRequest request) {
        return Mono.defer(() -> {
            AuthBackendRules.Checked checked = AuthBackendRules.check(request);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            StoredAuthBackend candidate = new StoredAuthBackend(
                    projectId,
                    name,
                    checked.type(),
                    request.settings() == null ? Map.of() : request.settings(),
                    checked.failurePolicy(),
                    checked.timeout().toMillis(),
                    checked.staleFor().toMillis(),
                    now,
                    now);
            // The plugin validates before the transaction opens: it may resolve names, and must not hold row locks.
            return guard(candidate).then(changes.commit(v -> store.find(projectId, name)
                    .flatMap(existing -> {
                        StoredAuthBackend replaced = withCreatedAt(candidate, existing.createdAt());
                        return store.update(replaced).thenReturn(new Saved(replaced, false));
                    })
                    .switchIfEmpty(Mono.defer(() -> store.insert(candidate).thenReturn(new Saved(candidate, true))))));
        });
    }

    Mono<StoredAuthBackend> get(long projectId, String name) {
        return store.find(projectId, name).switchIfEmpty(Mono.error(() -> notFound(name)));
    }

    Mono<List<StoredAuthBackend>> list(long projectId) {
        return store.all(projectId).collectList();
    }

    /** Refused with {@code auth-backend-in-use} while a chain names it, so no chain ever names a missing backend. */
    Mono<Void> delete(long projectId, String name) {
        return changes.commit(v -> store.usersOf(projectId, name)
                        .flatMap(users -> users.isEmpty()
                                ? store.delete(projectId, name)
                                        .flatMap(rows -> rows == 0 ? Mono.<Long>error(notFound(name)) : Mono.just(rows))
                                : store.find(projectId, name)
                                        .switchIfEmpty(Mono.error(() -> notFound(name)))
                                        .then(Mono.<Long>error(inUse(name, users)))))
                .then();
    }

    /**
     * The backend the plugin makes of a stored definition, made off the event loops. Plugin refusals become 400
     * problems naming the field: {@code type}, or {@code settings.<key>}.
     */
    Mono<GuardedAuthBackend> guard(StoredAuthBackend backend) {
        return Mono.fromCallable(() -> guard.guard(backend.definition()))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(VALIDATION_TIMEOUT)
                .onErrorMap(AuthBackendService::problem);
    }

    private static Throwable problem(Throwable error) {
        if (error instanceof UnknownBackendTypeException unknown) {
            return ProblemException.field(ProblemType.INVALID_FIELD, "type", unknown.getMessage());
        }
        if (error instanceof InvalidSettingsException invalid) {
            String field = "settings." + invalid.key();
            String message =
                    invalid.getMessage() != null && invalid.getMessage().startsWith(invalid.key())
                            ? "settings." + invalid.getMessage()
                            : field + ": " + invalid.getMessage();
            return ProblemException.field(ProblemType.INVALID_FIELD, field, message);
        }
        if (error instanceof RefusedTargetException refused) {
            String message = "settings: " + refused.getMessage() + " (expected: a target this service may call)";
            return new ProblemException(
                    ProblemType.INVALID_FIELD, message, List.of(new FieldProblem("settings", message)));
        }
        if (error instanceof IllegalArgumentException invalid) {
            // A plugin that validates with a plain IllegalArgumentException still means "these settings are wrong".
            return ProblemException.field(ProblemType.INVALID_FIELD, "settings", "settings: " + invalid.getMessage());
        }
        return error;
    }

    private static StoredAuthBackend withCreatedAt(StoredAuthBackend backend, Instant createdAt) {
        return new StoredAuthBackend(
                backend.projectId(),
                backend.name(),
                backend.type(),
                backend.settings(),
                backend.failurePolicy(),
                backend.timeoutMillis(),
                backend.staleForMillis(),
                createdAt,
                backend.updatedAt());
    }

    /** The same answer for a missing and a foreign backend, so one project cannot learn what another has. */
    static ProblemException notFound(String name) {
        return new ProblemException(ProblemType.NOT_FOUND, "auth backend '" + name + "' not found");
    }

    private static ProblemException inUse(String name, List<String> users) {
        return new ProblemException(
                ProblemType.AUTH_BACKEND_IN_USE,
                "auth backend '" + name + "' is used by: " + String.join(", ", users)
                        + " (expected: remove it from these chains first)");
    }
}
