package io.streamgate.benchmarks.auth;

import io.streamgate.plugin.api.auth.AuthBackendContext;
import io.streamgate.plugin.api.http.HttpCaller;
import java.time.Clock;

/** What a backend made straight from its factory gets, so its check can be measured without the host's guard. */
record BenchmarkContext(String projectId, String backendName, Clock clock, HttpCaller http)
        implements AuthBackendContext {}
