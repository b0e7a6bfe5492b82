package io.streamgate.sim.hls;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * One MPEG-TS clip, parsed once at start-up into the byte offsets that change when the clip is replayed: every PES
 * PTS/DTS field, every PCR field and every packet's continuity counter. Serving a segment is then a copy and a patch.
 */
final class TsClip {

    static final int PACKET_SIZE = 188;
    static final int SYNC_BYTE = 0x47;

    private final byte[] bytes;
    private final int[] pids;
    private final boolean[] payload;
    private final int[] timestampOffsets;
    private final int[] pcrOffsets;
    private final int videoPid;
    private final int audioPid;

    private TsClip(
            byte[] bytes,
            int[] pids,
            boolean[] payload,
            int[] timestampOffsets,
            int[] pcrOffsets,
            int videoPid,
            int audioPid) {
        this.bytes = bytes;
        this.pids = pids;
        this.payload = payload;
        this.timestampOffsets = timestampOffsets;
        this.pcrOffsets = pcrOffsets;
        this.videoPid = videoPid;
        this.audioPid = audioPid;
    }

    static TsClip parse(byte[] bytes) {
        if (bytes.length == 0 || bytes.length % PACKET_SIZE != 0) {
            throw new IllegalArgumentException(
                    "clip: " + bytes.length + " bytes (expected: a non-empty multiple of " + PACKET_SIZE + ")");
        }
        int packets = bytes.length / PACKET_SIZE;
        int[] pids = new int[packets];
        boolean[] payload = new boolean[packets];
        int[] timestamps = new int[packets * 2];
        int timestampCount = 0;
        int[] pcrs = new int[packets];
        int pcrCount = 0;
        int videoPid = -1;
        int audioPid = -1;
        for (int i = 0; i < packets; i++) {
            int at = i * PACKET_SIZE;
            if ((bytes[at] & 0xff) != SYNC_BYTE) {
                throw new IllegalArgumentException("clip: packet " + i + " has no sync byte (expected: 0x47)");
            }
            int pid = ((bytes[at + 1] & 0x1f) << 8) | (bytes[at + 2] & 0xff);
            boolean unitStart = (bytes[at + 1] & 0x40) != 0;
            int adaptationControl = (bytes[at + 3] >> 4) & 0x3;
            pids[i] = pid;
            payload[i] = (adaptationControl & 0x1) != 0;
            int payloadStart = at + 4;
            if ((adaptationControl & 0x2) != 0) {
                int adaptationLength = bytes[at + 4] & 0xff;
                if (adaptationLength > 0 && (bytes[at + 5] & 0x10) != 0) {
                    pcrs[pcrCount++] = at + 6;
                }
                payloadStart = at + 5 + adaptationLength;
            }
            int end = at + PACKET_SIZE;
            if (payload[i] && unitStart && payloadStart + 19 <= end && isPesStart(bytes, payloadStart)) {
                int streamId = bytes[payloadStart + 3] & 0xff;
                if (streamId >= 0xe0 && streamId <= 0xef && videoPid < 0) {
                    videoPid = pid;
                } else if (streamId >= 0xc0 && streamId <= 0xdf && audioPid < 0) {
                    audioPid = pid;
                }
                int flags = (bytes[payloadStart + 7] >> 6) & 0x3;
                if ((flags & 0x2) != 0) {
                    timestamps[timestampCount++] = payloadStart + 9;
                }
                if (flags == 0x3) {
                    timestamps[timestampCount++] = payloadStart + 14;
                }
            }
        }
        return new TsClip(
                bytes,
                pids,
                payload,
                Arrays.copyOf(timestamps, timestampCount),
                Arrays.copyOf(pcrs, pcrCount),
                videoPid,
                audioPid);
    }

    private static boolean isPesStart(byte[] bytes, int at) {
        return bytes[at] == 0 && bytes[at + 1] == 0 && bytes[at + 2] == 1;
    }

    int packetCount() {
        return pids.length;
    }

    int pid(int packet) {
        return pids[packet];
    }

    boolean hasPayload(int packet) {
        return payload[packet];
    }

    int[] timestampOffsets() {
        return timestampOffsets;
    }

    int[] pcrOffsets() {
        return pcrOffsets;
    }

    byte[] copyOfBytes() {
        return bytes.clone();
    }

    /**
     * The RFC 6381 codec string of the H.264 video, read from the profile and level bytes of the first sequence
     * parameter set, so the master playlist always says what the committed clips really are.
     */
    String videoCodec() {
        byte[] es = elementaryStreamStart(videoPid);
        for (int i = 0; i + 6 < es.length; i++) {
            if (es[i] == 0 && es[i + 1] == 0 && es[i + 2] == 1 && (es[i + 3] & 0x1f) == 7) {
                return String.format("avc1.%02x%02x%02x", es[i + 4] & 0xff, es[i + 5] & 0xff, es[i + 6] & 0xff);
            }
        }
        throw new IllegalStateException("clip: no H.264 sequence parameter set in the first video packets");
    }

    /** The codec string of the AAC audio from its first ADTS header (object type = profile + 1), or null. */
    String audioCodec() {
        if (audioPid < 0) {
            return null;
        }
        byte[] es = elementaryStreamStart(audioPid);
        for (int i = 0; i + 2 < es.length; i++) {
            if ((es[i] & 0xff) == 0xff && (es[i + 1] & 0xf6) == 0xf0) {
                return "mp4a.40." + (((es[i + 2] >> 6) & 0x3) + 1);
            }
        }
        throw new IllegalStateException("clip: no ADTS header in the first audio packets");
    }

    /** The first few payloads of a PID, PES headers included; enough to find parameter sets near the start. */
    private byte[] elementaryStreamStart(int pid) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int taken = 0;
        for (int i = 0; i < pids.length && taken < 8; i++) {
            if (pids[i] != pid || !payload[i]) {
                continue;
            }
            int at = i * PACKET_SIZE;
            int start = at + 4;
            if ((bytes[at + 3] & 0x20) != 0) {
                start = at + 5 + (bytes[at + 4] & 0xff);
            }
            out.write(bytes, start, at + PACKET_SIZE - start);
            taken++;
        }
        return out.toByteArray();
    }
}
