package io.streamgate.plugin.api.auth;

import reactor.core.publisher.Mono;

/**
 * An immutable, ready-to-use auth backend made by an {@link AuthBackendFactory} from validated settings. It must
 * not block: remote calls go through the host's {@link io.streamgate.plugin.api.http.HttpCaller}.
 *
 * @since 1.0.0
 */
public interface AuthBackend {

    /**
     * Decides one request. An error or an empty result counts as a failure, to which the host applies the backend's
     * failure policy.
     *
     * @param request the viewer's request
     * @return exactly one decision
     * @since 1.0.0
     */
    Mono<AuthDecision> check(PlayRequest request);

    /**
     * What a decision depends on: the host reuses a cached decision, and coalesces concurrent checks, for requests
     * with the same key. {@code null} (the default) means every request is decided afresh, which suits cheap local
     * checks.
     *
     * @param request the viewer's request
     * @return the key, or {@code null}
     * @since 1.0.0
     */
    default String cacheKey(PlayRequest request) {
        return null;
    }
}
