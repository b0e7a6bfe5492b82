package io.streamgate.plugins.driver.nginxrtmp;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.driver.StreamerDriver;
import io.streamgate.plugin.api.driver.StreamerDriverContext;
import io.streamgate.plugin.api.driver.StreamerDriverFactory;
import org.pf4j.Extension;

/** Makes {@code nginx-rtmp} drivers, for nginx with the RTMP module configured like nginx/nginx-rtmp.conf.template. */
@Extension
public final class NginxRtmpDriverFactory implements StreamerDriverFactory {

    static final String TYPE = "nginx-rtmp";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public StreamerDriver create(Settings settings, StreamerDriverContext context) {
        return new NginxRtmpDriver(NginxRtmpSettings.from(settings), context);
    }
}
