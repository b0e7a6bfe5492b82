package io.streamgate.control.streamer;

import java.util.regex.Pattern;

/** Region names, shared by streamers and the streams that ask for one: lower case, so a region is never two. */
public final class Region {

    public static final String PATTERN = "[a-z0-9][a-z0-9-]{0,63}";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Region() {}

    /** Whether {@code value} is a region name ({@code null} is not). */
    public static boolean isValid(String value) {
        return value != null && COMPILED.matcher(value).matches();
    }
}
