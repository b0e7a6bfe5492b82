package io.streamgate.control.streamer;

import io.streamgate.plugin.api.driver.StreamerDriverContext;
import io.streamgate.plugin.api.http.HttpCaller;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** What the control plane lends one streamer's driver. */
record DriverContext(String streamerName, URI baseUrl, Clock clock, HttpCaller http, Duration timeout)
        implements StreamerDriverContext {}
