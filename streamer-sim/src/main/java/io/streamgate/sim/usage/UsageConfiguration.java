package io.streamgate.sim.usage;

import io.netty.channel.ChannelPipeline;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

@Configuration(proxyBeanMethods = false)
class UsageConfiguration {

    /** Starts with the context, so the session and every counter begin together. */
    @Bean
    CollectionSession collectionSession(Clock clock) {
        return CollectionSession.start(clock, new SecureRandom());
    }

    /** Puts the byte counter on every connection, right behind the HTTP/1.1 codec. */
    @Bean
    NettyServerCustomizer servedBytesCounting() {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) == null) {
                // Without the HTTP/1.1 codec (HTTP/2 enabled) served bytes would go uncounted; refuse, don't
                // undercount.
                throw new IllegalStateException("streamer-sim counts served bytes on HTTP/1.1 connections only, but"
                        + " this connection has no " + NettyPipeline.HttpCodec
                        + " (expected: server.http2.enabled=false)");
            }
            pipeline.addAfter(NettyPipeline.HttpCodec, ServedBytesHandler.NAME, ServedBytesHandler.INSTANCE);
        });
    }
}
