package io.streamgate.gateway.balancer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this gateway is and whether it believes a front proxy about where a viewer is.
 *
 * @param region the gateway's own region ({@code STREAMGATE_REGION}), the viewers' region unless the header below is
 *     trusted and present; unset (the default) means no region preference
 * @param trustRegionHeader whether {@code X-StreamGate-Region} names the viewer's region (default false: only a front
 *     proxy that sets it and strips the viewers' own may be trusted with it)
 */
@ConfigurationProperties("streamgate.gateway")
public record RegionProperties(String region, @DefaultValue("false") boolean trustRegionHeader) {

    public RegionProperties {
        if (region != null && region.isBlank()) {
            region = null;
        }
        if (region != null && !ViewerRegion.valid(region)) {
            throw new IllegalArgumentException(
                    "streamgate.gateway.region: '" + region + "' (expected: [A-Za-z0-9._-]{1,64}, or unset)");
        }
    }
}
