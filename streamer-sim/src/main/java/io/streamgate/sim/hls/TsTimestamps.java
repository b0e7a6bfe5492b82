package io.streamgate.sim.hls;

/** Reading and writing the 33-bit PES timestamps and 42-bit PCRs of MPEG-TS (ISO/IEC 13818-1, 2.4.3.5 and 2.4.3.7). */
final class TsTimestamps {

    /** PTS, DTS and PCR bases count 90 kHz ticks modulo 2^33. */
    static final long WRAP = 1L << 33;

    static final long MASK = WRAP - 1;

    private TsTimestamps() {}

    static long readPts(byte[] b, int at) {
        return ((long) (b[at] & 0x0e) << 29)
                | ((long) (b[at + 1] & 0xff) << 22)
                | ((long) (b[at + 2] & 0xfe) << 14)
                | ((long) (b[at + 3] & 0xff) << 7)
                | ((long) (b[at + 4] & 0xfe) >> 1);
    }

    /** Writes a timestamp, keeping the 4-bit prefix ('0010', '0011' or '0001') and the marker bits. */
    static void writePts(byte[] b, int at, long value) {
        long v = value & MASK;
        b[at] = (byte) ((b[at] & 0xf0) | (int) ((v >> 29) & 0x0e) | 0x01);
        b[at + 1] = (byte) (v >> 22);
        b[at + 2] = (byte) (((v >> 14) & 0xfe) | 0x01);
        b[at + 3] = (byte) (v >> 7);
        b[at + 4] = (byte) (((v << 1) & 0xfe) | 0x01);
    }

    /** The 33-bit base of a PCR (90 kHz); the 9-bit extension (27 MHz remainder) is left as it is. */
    static long readPcrBase(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 25)
                | ((long) (b[at + 1] & 0xff) << 17)
                | ((long) (b[at + 2] & 0xff) << 9)
                | ((long) (b[at + 3] & 0xff) << 1)
                | ((long) (b[at + 4] & 0x80) >> 7);
    }

    static int readPcrExtension(byte[] b, int at) {
        return ((b[at + 4] & 0x01) << 8) | (b[at + 5] & 0xff);
    }

    /** The full PCR in 27 MHz ticks: base * 300 + extension. */
    static long readPcr(byte[] b, int at) {
        return readPcrBase(b, at) * 300 + readPcrExtension(b, at);
    }

    static void writePcrBase(byte[] b, int at, long base) {
        long v = base & MASK;
        b[at] = (byte) (v >> 25);
        b[at + 1] = (byte) (v >> 17);
        b[at + 2] = (byte) (v >> 9);
        b[at + 3] = (byte) (v >> 1);
        b[at + 4] = (byte) (((v & 0x1) << 7) | 0x7e | (b[at + 4] & 0x01));
    }

    /**
     * {@code a * b mod 2^33} for non-negative operands of any size: Java's long multiplication is exact modulo 2^64,
     * and 2^33 divides 2^64.
     */
    static long multiplyMod33(long a, long b) {
        return (a * b) & MASK;
    }
}
