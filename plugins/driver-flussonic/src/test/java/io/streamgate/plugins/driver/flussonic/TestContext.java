package io.streamgate.plugins.driver.flussonic;

import io.streamgate.plugin.api.driver.StreamerDriverContext;
import io.streamgate.plugin.api.http.HttpCaller;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** What a host lends a driver, for tests. */
record TestContext(URI baseUrl, HttpCaller http, Duration timeout) implements StreamerDriverContext {

    TestContext(URI baseUrl, HttpCaller http) {
        this(baseUrl, http, Duration.ofSeconds(5));
    }

    @Override
    public String streamerName() {
        return "edge-1";
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }
}
