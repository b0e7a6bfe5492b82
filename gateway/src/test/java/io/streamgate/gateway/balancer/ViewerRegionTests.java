package io.streamgate.gateway.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViewerRegionTests {

    @Test
    void theGatewaysOwnRegionUnlessTheHeaderIsTrusted() {
        ViewerRegion untrusting = new ViewerRegion(new RegionProperties("eu-west", false));
        assertThat(untrusting.trustsHeader()).isFalse();
        assertThat(untrusting.of("us-east")).isEqualTo("eu-west");
        assertThat(untrusting.of(null)).isEqualTo("eu-west");

        ViewerRegion trusting = new ViewerRegion(new RegionProperties("eu-west", true));
        assertThat(trusting.of("us-east")).isEqualTo("us-east");
        assertThat(trusting.of(null)).isEqualTo("eu-west");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "a b", "eu/west", "ü", "0123456789012345678901234567890123456789012345678901234567890123x"})
    void aMalformedHeaderIsIgnored(String header) {
        assertThat(new ViewerRegion(new RegionProperties("eu", true)).of(header))
                .isEqualTo("eu");
        assertThat(new ViewerRegion(new RegionProperties(null, true)).of(header))
                .isNull();
    }

    @Test
    void anUnsetOrBlankRegionMeansNoPreference() {
        assertThat(new RegionProperties(null, false).region()).isNull();
        assertThat(new RegionProperties("  ", false).region()).isNull();
        assertThat(new ViewerRegion(new RegionProperties(null, false)).of("eu")).isNull();
    }

    @Test
    void aMalformedRegionFailsStartUp() {
        assertThatThrownBy(() -> new RegionProperties("eu west", false))
                .hasMessageContaining("streamgate.gateway.region")
                .hasMessageContaining("expected");
        assertThat(new RegionProperties("eu-west-1.a_b", false).region()).isEqualTo("eu-west-1.a_b");
    }
}
