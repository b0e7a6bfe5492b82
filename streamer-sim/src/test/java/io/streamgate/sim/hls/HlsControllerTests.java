package io.streamgate.sim.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

class HlsControllerTests {

    @Property(tries = 100)
    void segmentSlicesAreAtMostOneSliceLongAndAddUpToTheSegment(@ForAll @IntRange(min = 1, max = 400_000) int length) {
        byte[] segment = new byte[length];
        new Random(length).nextBytes(segment);

        List<DataBuffer> slices = HlsController.slices(segment, DefaultDataBufferFactory.sharedInstance)
                .collectList()
                .block(java.time.Duration.ofSeconds(5));

        assertThat(slices).hasSize((length + HlsController.SEGMENT_SLICE - 1) / HlsController.SEGMENT_SLICE);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (DataBuffer slice : slices) {
            assertThat(slice.readableByteCount()).isBetween(1, HlsController.SEGMENT_SLICE);
            try (DataBuffer.ByteBufferIterator buffers = slice.readableByteBuffers()) {
                while (buffers.hasNext()) {
                    ByteBuffer buffer = buffers.next();
                    byte[] bytes = new byte[buffer.remaining()];
                    buffer.get(bytes);
                    joined.writeBytes(bytes);
                }
            }
        }
        assertThat(joined.toByteArray()).isEqualTo(segment);
    }
}
