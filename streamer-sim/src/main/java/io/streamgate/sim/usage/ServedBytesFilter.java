package io.streamgate.sim.usage;

import io.netty.channel.Channel;
import io.netty.util.Attribute;
import io.streamgate.sim.auth.VerifiedPlayback;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Tells {@link ServedBytesHandler} which stream the bytes of this response belong to: every body byte of a verified
 * playback request (master, variant playlists, segments) counts for its stream; anything else counts for nobody.
 */
@Component
class ServedBytesFilter implements WebFilter, Ordered {

    private final StreamCounters counters;

    ServedBytesFilter(StreamCounters counters) {
        this.counters = counters;
    }

    /** After the signature check, which names the verified stream. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Channel channel = channelOf(exchange.getResponse());
        if (channel == null) {
            return chain.filter(exchange);
        }
        Attribute<LongConsumer> attribute = channel.attr(ServedBytesHandler.SINK);
        String stream = VerifiedPlayback.streamOf(exchange);
        if (stream == null) {
            // A keep-alive connection may have served playback before; this response is not that stream's.
            attribute.set(null);
            return chain.filter(exchange);
        }
        LongConsumer sink = bytes -> counters.sent(stream, bytes);
        attribute.set(sink);
        // Writes already under way captured the sink; clearing only stops later, unrelated writes from using it.
        return chain.filter(exchange).doFinally(signal -> attribute.compareAndSet(sink, null));
    }

    /** The connection under a Reactor Netty response, or null where there is none (a mock exchange in a test). */
    private static Channel channelOf(ServerHttpResponse response) {
        Object nativeResponse;
        try {
            nativeResponse = ServerHttpResponseDecorator.getNativeResponse(response);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return null;
        }
        if (!(nativeResponse instanceof HttpServerResponse netty)) {
            return null;
        }
        AtomicReference<Channel> channel = new AtomicReference<>();
        netty.withConnection(connection -> channel.set(connection.channel()));
        return channel.get();
    }
}
