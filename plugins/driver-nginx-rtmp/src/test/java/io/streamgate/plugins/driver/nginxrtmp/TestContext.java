package io.streamgate.plugins.driver.nginxrtmp;

import io.streamgate.plugin.api.driver.StreamerDriverContext;
import io.streamgate.plugin.api.http.HttpCaller;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** What a host lends a driver, for tests. */
record TestContext(URI baseUrl, HttpCaller http, Clock clock) implements StreamerDriverContext {

    TestContext(URI baseUrl, HttpCaller http) {
        this(baseUrl, http, Clock.systemUTC());
    }

    @Override
    public String streamerName() {
        return "rtmp-1";
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(5);
    }
}
