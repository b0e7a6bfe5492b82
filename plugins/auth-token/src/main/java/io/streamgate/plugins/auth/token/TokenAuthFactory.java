package io.streamgate.plugins.auth.token;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthBackendContext;
import io.streamgate.plugin.api.auth.AuthBackendFactory;
import org.pf4j.Extension;

/** Makes {@code token} backends; public because PF4J instantiates it by reflection. */
@Extension
public final class TokenAuthFactory implements AuthBackendFactory {

    static final String TYPE = "token";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AuthBackend create(Settings settings, AuthBackendContext context) {
        return new TokenAuthBackend(TokenSettings.from(settings), context.projectId(), context.clock());
    }
}
