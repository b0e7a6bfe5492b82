package io.streamgate.gateway.playback;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.gateway.balancer.StickyBalancer;
import io.streamgate.gateway.balancer.ViewerRegion;
import io.streamgate.gateway.live.LiveMap;
import io.streamgate.gateway.live.StreamerHealth;
import io.streamgate.gateway.protocol.ProtocolStore;
import io.streamgate.gateway.signing.UrlSigner;
import io.streamgate.gateway.snapshot.SnapshotStore;
import java.time.Clock;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.resources.LoopResources;

/**
 * Puts the player API on the main server (port {@code server.port}) as a plain Reactor Netty route ahead of WebFlux,
 * which then never sees a request on that port. Spring Boot still owns the server: its port, lifecycle, graceful
 * shutdown and {@code server.netty.*} settings apply as before.
 *
 * <p>A factory customizer rather than a {@code NettyRouteProvider} bean: the management server's factory is made in a
 * child context that sees this context's beans, so a route provider bean could take over the management port too;
 * this context's customizers are not applied there (the integration tests check both ports).
 */
@Configuration(proxyBeanMethods = false)
class PlayerServerConfiguration {

    @Bean
    PlaybackService playbackService(
            SnapshotStore snapshots,
            ProtocolStore protocols,
            LiveMap liveMap,
            StreamerHealth health,
            StickyBalancer balancer,
            UrlSigner signer,
            Clock clock,
            PlaybackProperties properties,
            MeterRegistry meters) {
        EntryManifests manifests = new EntryManifests(signer, clock, properties);
        return new PlaybackService(
                snapshots, protocols, liveMap, health, balancer, signer, manifests, properties, meters);
    }

    /**
     * The player port's own event loops: one that only accepts connections and one per CPU (see
     * {@code GatewayApplication}) that answers players. Everything else (streamer polls, entry-manifest and snapshot
     * fetches, the management port) stays on Reactor Netty's shared loops. With the two colocated, 10,000 busy player
     * connections queued the streamer polls until they timed out, ejecting healthy streamers, and new connections
     * waited in a full accept backlog for SYN retries.
     */
    @Bean(destroyMethod = "dispose")
    LoopResources playerLoops() {
        return LoopResources.create("player", 1, LoopResources.DEFAULT_IO_WORKER_COUNT, true);
    }

    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> playerRoute(
            PlaybackService playback, ViewerRegion region, PlaybackProperties properties, LoopResources playerLoops) {
        PlayerHandler handler = new PlayerHandler(playback, region);
        return factory -> {
            factory.addRouteProviders(routes -> routes.route(request -> true, handler));
            // Boot runs the server on its shared resources when it starts, after every customizer: without them it
            // keeps these.
            factory.setResourceFactory(null);
            factory.addServerCustomizers(server -> server.runOn(playerLoops));
            if (properties.accessLog()) {
                factory.addServerCustomizers(server -> server.accessLog(true, new PlayerAccessLog()));
            }
        };
    }
}
