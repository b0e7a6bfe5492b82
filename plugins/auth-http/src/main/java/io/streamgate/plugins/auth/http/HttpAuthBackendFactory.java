package io.streamgate.plugins.auth.http;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthBackendContext;
import io.streamgate.plugin.api.auth.AuthBackendFactory;
import org.pf4j.Extension;

/**
 * Makes {@code http} backends, which ask the operator's own authorization service whether a viewer may play.
 */
@Extension
public final class HttpAuthBackendFactory implements AuthBackendFactory {

    static final String TYPE = "http";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AuthBackend create(Settings settings, AuthBackendContext context) {
        return new HttpAuthBackend(HttpAuthSettings.from(settings, context.http()), context.http());
    }
}
