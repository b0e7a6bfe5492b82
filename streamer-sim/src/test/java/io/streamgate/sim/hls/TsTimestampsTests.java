package io.streamgate.sim.hls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TsTimestampsTests {

    @Test
    void ptsRoundTripsAndKeepsPrefixAndMarkers() {
        byte[] field = {0x31, 0, 1, 0, 1};
        TsTimestamps.writePts(field, 0, 0x1_2345_6789L);

        assertThat(TsTimestamps.readPts(field, 0)).isEqualTo(0x1_2345_6789L);
        assertThat(field[0] & 0xf0).isEqualTo(0x30);
        assertThat(field[0] & 1).isEqualTo(1);
        assertThat(field[2] & 1).isEqualTo(1);
        assertThat(field[4] & 1).isEqualTo(1);
    }

    @Test
    void ptsWrapsAt2Pow33() {
        byte[] field = {0x21, 0, 1, 0, 1};
        long nearWrap = TsTimestamps.WRAP - 100;
        TsTimestamps.writePts(field, 0, nearWrap);

        TsTimestamps.writePts(field, 0, TsTimestamps.readPts(field, 0) + 250);

        assertThat(TsTimestamps.readPts(field, 0)).isEqualTo(150);
    }

    @Test
    void pcrBaseRoundTripsWrapsAndKeepsTheExtension() {
        byte[] field = {0, 0, 0, 0, (byte) 0x7f, (byte) 0xab};
        TsTimestamps.writePcrBase(field, 0, TsTimestamps.WRAP - 1);
        assertThat(TsTimestamps.readPcrBase(field, 0)).isEqualTo(TsTimestamps.WRAP - 1);
        assertThat(TsTimestamps.readPcrExtension(field, 0)).isEqualTo(0x1ab);

        TsTimestamps.writePcrBase(field, 0, TsTimestamps.readPcrBase(field, 0) + 2);

        assertThat(TsTimestamps.readPcrBase(field, 0)).isEqualTo(1);
        assertThat(TsTimestamps.readPcr(field, 0)).isEqualTo(300 + 0x1ab);
    }

    @Test
    void multiplicationIsExactModulo2Pow33EvenWhenTheProductOverflows() {
        long loop = Long.MAX_VALUE / 3;
        long duration = 720_000;

        long expected = java.math.BigInteger.valueOf(loop)
                .multiply(java.math.BigInteger.valueOf(duration))
                .mod(java.math.BigInteger.valueOf(TsTimestamps.WRAP))
                .longValueExact();

        assertThat(TsTimestamps.multiplyMod33(loop, duration)).isEqualTo(expected);
    }
}
