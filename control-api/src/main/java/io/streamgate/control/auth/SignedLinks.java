package io.streamgate.control.auth;

import io.streamgate.control.web.FieldProblem;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.auth.SignedLinkIssuer;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Mints playback tokens with a backend of the project whose plugin can issue signed links ({@code token} can). */
@Component
public class SignedLinks {

    private final AuthBackendStore store;
    private final AuthBackendService backends;

    SignedLinks(AuthBackendStore store, AuthBackendService backends) {
        this.store = store;
        this.backends = backends;
    }

    /**
     * A token for one stream of the project.
     *
     * @param address an IP address or CIDR the token is bound to, or {@code null}
     * @return the token; a 400 problem naming {@code backend} when the project has no such backend or it cannot
     *     issue links, or naming the plugin's key (such as {@code ip}) when it refuses the request
     */
    public Mono<String> issue(long projectId, String backend, String stream, Instant expiresAt, String address) {
        return store.find(projectId, backend)
                // A foreign backend answers exactly like a missing one.
                .switchIfEmpty(Mono.error(() -> notIssuer(backend, "no auth backend of this project has this name")))
                .flatMap(backends::guard)
                .flatMap(guarded -> guarded.signedLinkIssuer()
                        .map(Mono::just)
                        .orElseGet(() -> Mono.error(notIssuer(
                                backend, "its type '" + guarded.definition().type() + "' cannot issue links"))))
                .flatMap(issuer -> issue(issuer, stream, expiresAt, address));
    }

    private static Mono<String> issue(SignedLinkIssuer issuer, String stream, Instant expiresAt, String address) {
        return Mono.fromCallable(() -> issuer.issue(stream, expiresAt, address))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(AuthBackendService.VALIDATION_TIMEOUT)
                .onErrorMap(InvalidSettingsException.class, invalid -> {
                    String message =
                            invalid.getMessage() != null && invalid.getMessage().startsWith(invalid.key())
                                    ? invalid.getMessage()
                                    : invalid.key() + ": " + invalid.getMessage();
                    return ProblemException.field(ProblemType.INVALID_FIELD, invalid.key(), message);
                });
    }

    private static ProblemException notIssuer(String backend, String why) {
        String message = "backend: '" + backend + "' (expected: a token backend of this project; " + why + ")";
        return new ProblemException(ProblemType.INVALID_FIELD, message, List.of(new FieldProblem("backend", message)));
    }
}
