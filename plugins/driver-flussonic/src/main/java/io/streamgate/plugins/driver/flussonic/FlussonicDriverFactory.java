package io.streamgate.plugins.driver.flussonic;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.driver.StreamerDriver;
import io.streamgate.plugin.api.driver.StreamerDriverContext;
import io.streamgate.plugin.api.driver.StreamerDriverFactory;
import org.pf4j.Extension;

/** Makes {@code flussonic} drivers, for streamers that speak the Flussonic-style HTTP API (streamer-sim included). */
@Extension
public final class FlussonicDriverFactory implements StreamerDriverFactory {

    static final String TYPE = "flussonic";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public StreamerDriver create(Settings settings, StreamerDriverContext context) {
        return new FlussonicDriver(FlussonicSettings.from(settings), context);
    }
}
