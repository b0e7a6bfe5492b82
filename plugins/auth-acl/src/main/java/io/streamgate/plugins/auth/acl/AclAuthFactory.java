package io.streamgate.plugins.auth.acl;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthBackendContext;
import io.streamgate.plugin.api.auth.AuthBackendFactory;
import org.pf4j.Extension;

/**
 * Makes {@code acl} backends; public because PF4J instantiates it by reflection. {@link #create} reads the GeoIP
 * database when country lists are set, so hosts call it off their event loops.
 */
@Extension
public final class AclAuthFactory implements AuthBackendFactory {

    static final String TYPE = "acl";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public AuthBackend create(Settings settings, AuthBackendContext context) {
        return new AclAuthBackend(AclSettings.from(settings));
    }
}
