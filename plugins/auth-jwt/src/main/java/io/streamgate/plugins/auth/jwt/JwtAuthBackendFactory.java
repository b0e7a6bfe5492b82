package io.streamgate.plugins.auth.jwt;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthBackendContext;
import io.streamgate.plugin.api.auth.AuthBackendFactory;
import org.pf4j.Extension;

/**
 * Makes {@code jwt} backends, which accept JWTs signed by the operator's identity system.
 */
@Extension
public final class JwtAuthBackendFactory implements AuthBackendFactory {

    static final String TYPE = "jwt";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AuthBackend create(Settings settings, AuthBackendContext context) {
        JwtAuthSettings parsed = JwtAuthSettings.from(settings, context.http());
        KeySource keys;
        if (parsed.keys() instanceof JwtAuthSettings.RemoteJwks remote) {
            keys = KeySource.remote(
                    new RemoteKeys(remote.url(), remote.refresh(), new JwksFetcher(context.http()), context.clock()));
        } else {
            keys = KeySource.local(parsed.keys());
        }
        return new JwtAuthBackend(parsed, keys, context.clock());
    }
}
