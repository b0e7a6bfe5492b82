package io.streamgate.sim.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.DefaultChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServedBytesHandlerTests {

    private final AtomicLong counted = new AtomicLong();
    private final EmbeddedChannel channel = new EmbeddedChannel();

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private void counting(ChannelOutboundHandlerAdapter... before) {
        channel.pipeline().addLast(before);
        channel.pipeline().addLast(ServedBytesHandler.INSTANCE);
        channel.attr(ServedBytesHandler.SINK).set(counted::addAndGet);
    }

    @Test
    void countsBodiesButNotHeaders() {
        counting();

        channel.writeAndFlush(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[1000]));
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[200])));
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        channel.writeAndFlush(new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(new byte[30])));

        assertThat(counted).hasValue(1230);
    }

    @Test
    void withoutASinkTheWriteAndItsPromisePassUntouched() {
        List<ChannelPromise> seen = new ArrayList<>();
        channel.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                seen.add(promise);
                ctx.write(msg, promise);
            }
        });
        channel.pipeline().addLast(ServedBytesHandler.INSTANCE);
        ChannelPromise promise = channel.newPromise();

        channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[10]), promise);

        assertThat(seen).containsExactly(promise);
        assertThat(promise.isSuccess()).isTrue();
        assertThat(counted).hasValue(0);
    }

    @Test
    void theCallersPromiseLearnsTheOutcome() {
        counting();
        ChannelPromise promise = channel.newPromise();

        channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[10]), promise);

        assertThat(promise.isSuccess()).isTrue();
        assertThat(counted).hasValue(10);
    }

    @Test
    void aConnectionThatBreaksMidwayCountsOnlyWhatWasWritten() {
        IOException reset = new IOException("Connection reset by peer");
        AtomicInteger writes = new AtomicInteger();
        counting(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                if (writes.incrementAndGet() == 1) {
                    ctx.write(msg, promise);
                } else {
                    io.netty.util.ReferenceCountUtil.release(msg);
                    promise.setFailure(reset);
                }
            }
        });
        List<ChannelPromise> promises = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ChannelPromise promise = channel.newPromise();
            promises.add(promise);
            channel.write(Unpooled.wrappedBuffer(new byte[32 * 1024]), promise);
        }
        channel.flush();

        assertThat(counted).hasValue(32 * 1024);
        assertThat(promises.get(0).isSuccess()).isTrue();
        assertThat(promises.get(1).cause()).isSameAs(reset);
        assertThat(promises.get(2).cause()).isSameAs(reset);
    }

    @Test
    void worksWithVoidPromises() {
        counting();

        channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[64]), channel.voidPromise());

        assertThat(counted).hasValue(64);
    }

    @Test
    void neverAddsAListenerToTheCallersPromise() {
        counting();
        RefusingPromise promise = new RefusingPromise(channel);

        channel.writeAndFlush(Unpooled.wrappedBuffer(new byte[5]), promise);

        assertThat(promise.isSuccess()).isTrue();
        assertThat(counted).hasValue(5);
    }

    /** Like Reactor Netty's send loop, which is its own promise and throws on addListener. */
    private static final class RefusingPromise extends DefaultChannelPromise {
        RefusingPromise(Channel channel) {
            super(channel, channel.eventLoop());
        }

        @Override
        public ChannelPromise addListener(GenericFutureListener<? extends Future<? super Void>> listener) {
            throw new UnsupportedOperationException();
        }
    }
}
