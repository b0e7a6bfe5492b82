package io.streamgate.sim.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replays the committed clips and checks the patched output as a demuxer would read it. */
class LoopedTrackTests {

    private static TestPattern pattern;

    @BeforeAll
    static void load() {
        pattern = TestPattern.load();
    }

    @Test
    void everySegmentIsWholeTransportStreamPackets() {
        for (Rendition rendition : pattern.renditions()) {
            for (long sequence = 0; sequence < TestPattern.CLIPS; sequence++) {
                byte[] segment = rendition.track().segment(sequence);
                assertThat(segment.length % TsClip.PACKET_SIZE).isZero();
                for (int at = 0; at < segment.length; at += TsClip.PACKET_SIZE) {
                    assertThat(segment[at] & 0xff).isEqualTo(TsClip.SYNC_BYTE);
                }
            }
        }
    }

    @Test
    void continuityCountersAndTimestampsContinueAcrossTheLoopBoundary() {
        LoopedTrack track = pattern.rendition(1).track();
        long last = 7L * TestPattern.CLIPS - 1; // the last clip of loop 6, followed by the first clip of loop 7

        assertContinuous(track.segment(last), track.segment(last + 1));
    }

    @Test
    void continuityCountersAndTimestampsContinueInsideALoop() {
        LoopedTrack track = pattern.rendition(2).track();

        assertContinuous(track.segment(897_660_001L), track.segment(897_660_002L));
    }

    @Test
    void continuesAcrossThe33BitWrap() {
        LoopedTrack track = pattern.rendition(1).track();
        // The loop before the first one whose shift passes 2^33: somewhere in it the timestamps wrap.
        long loop = TsTimestamps.WRAP / track.loopDuration90k();
        List<Long> pts = new ArrayList<>();
        for (long sequence = loop * track.clipCount(); sequence <= (loop + 1) * track.clipCount(); sequence++) {
            pts.addAll(videoPts(track.segment(sequence)));
        }

        int wraps = 0;
        for (int i = 1; i < pts.size(); i++) {
            assertThat(Math.floorMod(pts.get(i) - pts.get(i - 1), TsTimestamps.WRAP))
                    .isEqualTo(3600);
            if (pts.get(i) < pts.get(i - 1)) {
                wraps++;
            }
        }
        assertThat(wraps).isEqualTo(1);
    }

    @Test
    void shiftsEveryTimestampByWholeLoops() {
        LoopedTrack track = pattern.rendition(1).track();
        long loops = 5;

        List<Long> original = videoPts(track.segment(1));
        List<Long> shifted = videoPts(track.segment(1 + loops * track.clipCount()));

        assertThat(shifted).hasSameSizeAs(original);
        for (int i = 0; i < original.size(); i++) {
            assertThat(shifted.get(i))
                    .isEqualTo((original.get(i) + loops * track.loopDuration90k()) % TsTimestamps.WRAP);
        }
    }

    @Test
    void pcrAdvancesWithTheLoop() {
        LoopedTrack track = pattern.rendition(1).track();
        List<Long> first = pcrs(track.segment(0));
        List<Long> next = pcrs(track.segment(track.clipCount()));

        assertThat(next.get(0) - first.get(0)).isEqualTo(track.loopDuration90k() * 300);
    }

    @Test
    void aSegmentIsTheSameBytesEveryTimeItIsServed() {
        LoopedTrack track = pattern.rendition(1).track();
        byte[] once = track.segment(1234).clone();
        for (long other = 0; other < 20; other++) {
            track.segment(other); // pushes 1234 out of the cache
        }

        assertThat(track.segment(1234)).isEqualTo(once);
    }

    private static void assertContinuous(byte[] earlier, byte[] later) {
        Map<Integer, Integer> counters = new HashMap<>();
        int checked = 0;
        for (byte[] segment : List.of(earlier, later)) {
            for (int at = 0; at < segment.length; at += TsClip.PACKET_SIZE) {
                int pid = ((segment[at + 1] & 0x1f) << 8) | (segment[at + 2] & 0xff);
                boolean payload = (segment[at + 3] & 0x10) != 0;
                int counter = segment[at + 3] & 0x0f;
                Integer previous = counters.put(pid, counter);
                if (previous != null) {
                    int expected = payload ? (previous + 1) & 0xf : previous;
                    assertThat(counter)
                            .as("continuity counter of PID %d at byte %d", pid, at)
                            .isEqualTo(expected);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(earlier.length / TsClip.PACKET_SIZE);

        List<Long> before = videoPts(earlier);
        List<Long> after = videoPts(later);
        long frame = 90_000 / 25;
        assertThat(after.get(0)).isEqualTo((before.get(before.size() - 1) + frame) % TsTimestamps.WRAP);
    }

    /** The PTS of every video PES (stream ids 0xE0-0xEF), in order. */
    private static List<Long> videoPts(byte[] ts) {
        List<Long> out = new ArrayList<>();
        for (int at = 0; at < ts.length; at += TsClip.PACKET_SIZE) {
            boolean unitStart = (ts[at + 1] & 0x40) != 0;
            int control = (ts[at + 3] >> 4) & 3;
            if (!unitStart || (control & 1) == 0) {
                continue;
            }
            int start = (control & 2) != 0 ? at + 5 + (ts[at + 4] & 0xff) : at + 4;
            int streamId = ts[start + 3] & 0xff;
            if (ts[start] == 0 && ts[start + 1] == 0 && ts[start + 2] == 1 && streamId >= 0xe0 && streamId <= 0xef) {
                out.add(TsTimestamps.readPts(ts, start + 9));
            }
        }
        return out;
    }

    private static List<Long> pcrs(byte[] ts) {
        List<Long> out = new ArrayList<>();
        for (int at = 0; at < ts.length; at += TsClip.PACKET_SIZE) {
            if ((ts[at + 3] & 0x20) != 0 && (ts[at + 4] & 0xff) > 0 && (ts[at + 5] & 0x10) != 0) {
                out.add(TsTimestamps.readPcr(ts, at + 6));
            }
        }
        return out;
    }
}
