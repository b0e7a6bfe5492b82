package io.streamgate.plugins.auth.http;

import io.streamgate.plugin.api.auth.AuthBackendContext;
import io.streamgate.plugin.api.http.HttpCaller;
import java.time.Clock;

/** What a host lends a backend, for tests. */
record TestContext(HttpCaller http) implements AuthBackendContext {

    @Override
    public String projectId() {
        return "1001";
    }

    @Override
    public String backendName() {
        return "operator-auth";
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }
}
