package io.streamgate.sim.hls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/**
 * The renditions made by {@code tools/make-test-pattern.sh}: clips {@code hls/v{n}/{i}.ts} of exactly
 * {@value #SEGMENT_MILLIS} ms each. Loaded and parsed once at start-up.
 */
final class TestPattern {

    static final int SEGMENT_MILLIS = 2000;
    static final long SEGMENT_90K = SEGMENT_MILLIS * 90L;
    static final int CLIPS = 4;

    private final List<Rendition> renditions;

    private TestPattern(List<Rendition> renditions) {
        this.renditions = List.copyOf(renditions);
    }

    /** The committed pattern; sizes must match the script that made it. */
    static TestPattern load() {
        return new TestPattern(List.of(rendition(1, 640, 360), rendition(2, 320, 180)));
    }

    List<Rendition> renditions() {
        return renditions;
    }

    /** The rendition behind {@code tracks-v{id}}, or null. */
    Rendition rendition(int id) {
        return id >= 1 && id <= renditions.size() ? renditions.get(id - 1) : null;
    }

    /** Sum of the renditions' average bitrates in kbit/s, what a streamer reports for a live stream. */
    long totalKbps() {
        return renditions.stream().mapToLong(Rendition::averageBandwidth).sum() / 1000;
    }

    private static Rendition rendition(int id, int width, int height) {
        List<TsClip> clips = new ArrayList<>();
        long peak = 0;
        long total = 0;
        for (int i = 0; i < CLIPS; i++) {
            byte[] bytes = read("hls/v" + id + "/" + i + ".ts");
            clips.add(TsClip.parse(bytes));
            peak = Math.max(peak, bytes.length * 8L * 1000 / SEGMENT_MILLIS);
            total += bytes.length;
        }
        TsClip first = clips.get(0);
        String audio = first.audioCodec();
        String codecs = audio == null ? first.videoCodec() : first.videoCodec() + "," + audio;
        long average = total * 8L * 1000 / ((long) SEGMENT_MILLIS * CLIPS);
        return new Rendition(id, width, height, codecs, peak, average, new LoopedTrack(clips, SEGMENT_90K));
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("test pattern clip " + path + " is missing from the classpath", e);
        }
    }
}
