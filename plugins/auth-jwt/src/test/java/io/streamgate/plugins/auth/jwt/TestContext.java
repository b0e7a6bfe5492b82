package io.streamgate.plugins.auth.jwt;

import io.streamgate.plugin.api.auth.AuthBackendContext;
import io.streamgate.plugin.api.http.HttpCaller;
import java.time.Clock;

/** What a host lends a backend, for tests. */
record TestContext(HttpCaller http, Clock clock) implements AuthBackendContext {

    @Override
    public String projectId() {
        return "1001";
    }

    @Override
    public String backendName() {
        return "idp";
    }
}
