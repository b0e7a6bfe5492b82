package io.streamgate.plugin.host.auth;

import io.streamgate.plugin.api.auth.AuthBackendContext;
import io.streamgate.plugin.api.http.HttpCaller;
import java.time.Clock;

/** What the host lends one backend. */
record BackendContext(String projectId, String backendName, Clock clock, HttpCaller http)
        implements AuthBackendContext {}
