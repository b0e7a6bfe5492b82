package io.streamgate.plugin.host.http;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * A response body read up to a limit. With a declared length the bytes go straight into one array of that size; a
 * streamer's 10,000-stream list polled every second was copied five times on its way in when it grew a stream
 * buffer by doubling and copied it out, most of it arrays large enough for the collector's costliest path.
 * Not thread-safe: one exchange's content arrives in order on one event loop.
 */
final class BoundedBody {

    private final int limit;
    private byte[] bytes;
    private int size;

    /**
     * @param declaredLength the Content-Length, or a negative number when absent or unreadable
     * @param limit the most bytes kept
     */
    BoundedBody(long declaredLength, int limit) {
        this.limit = limit;
        this.bytes = new byte[(int) Math.min(declaredLength >= 0 ? declaredLength : 8 * 1024, limit)];
    }

    /** Whether more bytes would still be kept. */
    boolean open() {
        return size < limit;
    }

    /** Keeps what fits of {@code buffer}'s readable bytes. */
    void append(ByteBuf buffer) {
        int take = Math.min(buffer.readableBytes(), limit - size);
        if (size + take > bytes.length) {
            // Longer than declared, or no length declared: grow by half, never past the limit.
            int grown = (int) Math.min(Math.max((long) size + take, bytes.length + (bytes.length >> 1)), limit);
            bytes = Arrays.copyOf(bytes, grown);
        }
        buffer.readBytes(bytes, size, take);
        size += take;
    }

    /** The bytes kept: the array itself when it was filled exactly, as with a truthful Content-Length. */
    byte[] toArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
