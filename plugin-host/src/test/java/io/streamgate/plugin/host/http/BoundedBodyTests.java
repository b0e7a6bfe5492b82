package io.streamgate.plugin.host.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class BoundedBodyTests {

    /** Whatever length is declared, truthful or not, the first {@code limit} bytes received are kept. */
    @Property(tries = 500)
    void keepsTheFirstBytesUpToTheLimitWhateverLengthIsDeclared(
            @ForAll @Size(max = 8) List<@StringLength(max = 40) @CharRange(from = 'a', to = 'z') String> chunks,
            @ForAll @IntRange(min = -1, max = 300) int declared,
            @ForAll @IntRange(min = 0, max = 200) int limit) {
        BoundedBody body = new BoundedBody(declared, limit);
        StringBuilder sent = new StringBuilder();
        for (String chunk : chunks) {
            if (!body.open()) {
                break;
            }
            body.append(Unpooled.wrappedBuffer(chunk.getBytes(StandardCharsets.ISO_8859_1)));
            sent.append(chunk);
        }
        String expected = sent.substring(0, Math.min(sent.length(), limit));
        assertThat(new String(body.toArray(), StandardCharsets.ISO_8859_1)).isEqualTo(expected);
        assertThat(body.open()).isEqualTo(sent.length() < limit);
    }

    @Test
    void aTruthfulLengthFillsOneArrayThatIsHandedOutAsIs() {
        BoundedBody body = new BoundedBody(6, 1024);
        body.append(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}));
        body.append(Unpooled.wrappedBuffer(new byte[] {4, 5, 6}));
        byte[] first = body.toArray();
        assertThat(first).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(body.toArray()).isSameAs(first);
    }

    @Test
    void aHugeDeclaredLengthAllocatesNoMoreThanTheLimit() {
        BoundedBody body = new BoundedBody(Long.MAX_VALUE, 16);
        body.append(Unpooled.wrappedBuffer(new byte[40]));
        assertThat(body.toArray()).hasSize(16);
        assertThat(body.open()).isFalse();
    }
}
