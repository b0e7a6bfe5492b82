package io.streamgate.plugins.auth.token;

import io.streamgate.plugin.api.auth.AuthBackendContext;
import io.streamgate.plugin.api.http.HttpCaller;
import io.streamgate.plugin.api.http.RefusedTargetException;
import java.time.Clock;
import reactor.core.publisher.Mono;

/**
 * A context for tests. Token backends never call out, so its caller refuses everything: a call would be a bug.
 */
record TestContext(String projectId, String backendName, Clock clock) implements AuthBackendContext {

    @Override
    public HttpCaller http() {
        return new HttpCaller() {
            @Override
            public void checkTarget(java.net.URI target) {
                throw new RefusedTargetException("token backends make no calls: " + target);
            }

            @Override
            public Mono<io.streamgate.plugin.api.http.HttpAnswer> call(io.streamgate.plugin.api.http.HttpCall call) {
                return Mono.error(new RefusedTargetException("token backends make no calls: " + call.target()));
            }
        };
    }
}
