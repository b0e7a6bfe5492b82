package io.streamgate.plugin.host.loading;

import io.streamgate.plugin.api.auth.AuthBackendFactory;
import io.streamgate.plugin.api.billing.BillingRuleFactory;
import io.streamgate.plugin.api.driver.StreamerDriverFactory;
import io.streamgate.plugin.api.protocol.PlaybackProtocolFactory;
import java.util.List;
import java.util.function.Function;

/**
 * One kind of extension the host looks up by type: its factory interface, how a factory names its type, and how
 * statuses and messages call it.
 */
record ExtensionKind<F>(String label, String prefix, Class<F> factoryClass, Function<F, String> types) {

    static final ExtensionKind<AuthBackendFactory> AUTH =
            new ExtensionKind<>("auth backend", "auth", AuthBackendFactory.class, AuthBackendFactory::type);
    static final ExtensionKind<PlaybackProtocolFactory> PROTOCOL =
            new ExtensionKind<>("protocol", "protocol", PlaybackProtocolFactory.class, PlaybackProtocolFactory::type);
    static final ExtensionKind<StreamerDriverFactory> DRIVER =
            new ExtensionKind<>("streamer driver", "driver", StreamerDriverFactory.class, StreamerDriverFactory::type);

    static final ExtensionKind<BillingRuleFactory> BILLING =
            new ExtensionKind<>("billing rule", "billing", BillingRuleFactory.class, BillingRuleFactory::type);

    static final List<ExtensionKind<?>> ALL = List.of(AUTH, PROTOCOL, DRIVER, BILLING);

    String typeOf(Object factory) {
        return types.apply(cast(factory));
    }

    F cast(Object factory) {
        return factoryClass.cast(factory);
    }
}
