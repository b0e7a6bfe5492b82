package io.streamgate.sim.usage;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.AttributeKey;
import java.util.function.LongConsumer;

/**
 * Counts response body bytes when the socket has taken them, not when a handler produced them: a segment whose
 * connection broke half-way counts only the chunks that were written. It sits between the HTTP codec and Reactor
 * Netty's handlers, where messages are still bodies (a {@link ByteBuf}, or the content of an {@code HttpContent} or
 * full response) and headers are separate objects, so header bytes are never counted.
 *
 * <p>Whom to count for is a channel attribute that {@link ServedBytesFilter} sets per request; HTTP/1.1 answers the
 * requests of one connection one after another, so the attribute at write time belongs to the response being written.
 */
@ChannelHandler.Sharable
final class ServedBytesHandler extends ChannelOutboundHandlerAdapter {

    static final String NAME = "streamgate.servedBytes";

    static final AttributeKey<LongConsumer> SINK = AttributeKey.valueOf("streamgate.servedBytes.sink");

    static final ServedBytesHandler INSTANCE = new ServedBytesHandler();

    private ServedBytesHandler() {}

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        LongConsumer sink = ctx.channel().attr(SINK).get();
        // Read before writing: once written, the buffer may already be released.
        int bytes = sink == null ? 0 : bodyBytes(msg);
        if (bytes == 0) {
            ctx.write(msg, promise);
            return;
        }
        // Reactor Netty's send loop passes itself as the promise and refuses listeners, so the write gets a promise of
        // our own, and its outcome is handed on exactly as the channel would have reported it.
        ChannelPromise written = ctx.newPromise();
        written.addListener((ChannelFutureListener) future -> {
            if (future.isSuccess()) {
                sink.accept(bytes);
                promise.trySuccess();
            } else {
                promise.tryFailure(future.cause());
            }
        });
        ctx.write(msg, written);
    }

    static int bodyBytes(Object msg) {
        if (msg instanceof ByteBuf buffer) {
            return buffer.readableBytes();
        }
        if (msg instanceof ByteBufHolder holder) {
            return holder.content().readableBytes();
        }
        return 0;
    }
}
