package io.streamgate.sim.hls;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An endless, seamless MPEG-TS stream made from a loop of equally long clips. Segment {@code s} is clip
 * {@code s mod N} of loop {@code s / N}; its PTS, DTS and PCR are shifted by {@code loop * loopDuration}
 * (mod 2^33) and each PID's continuity counter continues from where the previous segment left it, so a player
 * that reads segment after segment sees one continuous transport stream and no discontinuity.
 */
final class LoopedTrack {

    private static final int CACHED_SEGMENTS = 8;

    private final List<TsClip> clips;
    private final long loopDuration90k;
    /** Per clip and packet: the counter the packet carries in loop 0, before reduction mod 16. */
    private final int[][] counterBase;
    /** Per clip and packet: how many payload packets its PID has in one whole loop. */
    private final int[][] counterStep;

    private final Map<Long, byte[]> cache = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > CACHED_SEGMENTS;
        }
    };

    LoopedTrack(List<TsClip> clips, long segmentDuration90k) {
        if (clips.isEmpty()) {
            throw new IllegalArgumentException("clips: empty (expected: at least one)");
        }
        this.clips = List.copyOf(clips);
        this.loopDuration90k = segmentDuration90k * clips.size();
        Map<Integer, Integer> payloadPackets = new HashMap<>();
        this.counterBase = new int[clips.size()][];
        for (int c = 0; c < clips.size(); c++) {
            TsClip clip = clips.get(c);
            int[] base = new int[clip.packetCount()];
            for (int p = 0; p < base.length; p++) {
                int pid = clip.pid(p);
                int seen = payloadPackets.getOrDefault(pid, 0);
                // A packet without payload repeats the counter of the PID's previous packet (13818-1, 2.4.3.3).
                base[p] = clip.hasPayload(p) ? seen : seen - 1;
                if (clip.hasPayload(p)) {
                    payloadPackets.put(pid, seen + 1);
                }
            }
            counterBase[c] = base;
        }
        this.counterStep = new int[clips.size()][];
        for (int c = 0; c < clips.size(); c++) {
            TsClip clip = clips.get(c);
            int[] step = new int[clip.packetCount()];
            for (int p = 0; p < step.length; p++) {
                step[p] = payloadPackets.getOrDefault(clip.pid(p), 0);
            }
            counterStep[c] = step;
        }
    }

    int clipCount() {
        return clips.size();
    }

    long loopDuration90k() {
        return loopDuration90k;
    }

    /** The bytes of segment {@code sequence} (non-negative); callers must not modify them. */
    byte[] segment(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence: " + sequence + " (expected: >= 0)");
        }
        synchronized (cache) {
            byte[] cached = cache.get(sequence);
            if (cached != null) {
                return cached;
            }
        }
        byte[] patched = patch(sequence);
        synchronized (cache) {
            cache.put(sequence, patched);
        }
        return patched;
    }

    private byte[] patch(long sequence) {
        int clipIndex = (int) (sequence % clips.size());
        long loop = sequence / clips.size();
        TsClip clip = clips.get(clipIndex);
        byte[] out = clip.copyOfBytes();
        long shift = TsTimestamps.multiplyMod33(loop, loopDuration90k);
        for (int at : clip.timestampOffsets()) {
            TsTimestamps.writePts(out, at, TsTimestamps.readPts(out, at) + shift);
        }
        for (int at : clip.pcrOffsets()) {
            TsTimestamps.writePcrBase(out, at, TsTimestamps.readPcrBase(out, at) + shift);
        }
        int[] base = counterBase[clipIndex];
        int[] step = counterStep[clipIndex];
        for (int p = 0; p < base.length; p++) {
            // Exact modulo 16 even when loop * step overflows: 16 divides 2^64.
            int counter = (int) ((base[p] + loop * step[p]) & 0xf);
            int at = p * TsClip.PACKET_SIZE + 3;
            out[at] = (byte) ((out[at] & 0xf0) | counter);
        }
        return out;
    }
}
