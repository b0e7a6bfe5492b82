package io.streamgate.gateway.balancer;

/** The region a viewer is in, as far as this gateway knows: a trusted header's, else the gateway's own. */
public final class ViewerRegion {

    /** The header a trusted front proxy sets to the viewer's region. */
    public static final String HEADER = "X-StreamGate-Region";

    private final String own;
    private final boolean trustHeader;

    public ViewerRegion(RegionProperties properties) {
        this.own = properties.region();
        this.trustHeader = properties.trustRegionHeader();
    }

    /** Whether the header is read at all; when not, the binding need not look it up. */
    public boolean trustsHeader() {
        return trustHeader;
    }

    /**
     * The viewer's region given the header's value ({@code null} when absent); {@code null} when unknown. A malformed
     * header is ignored rather than refused: a region only orders the candidates.
     */
    public String of(String header) {
        if (trustHeader && header != null && valid(header)) {
            return header;
        }
        return own;
    }

    static boolean valid(String region) {
        int length = region.length();
        if (length < 1 || length > 64) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = region.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
