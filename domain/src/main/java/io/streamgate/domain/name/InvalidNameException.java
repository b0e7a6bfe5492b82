package io.streamgate.domain.name;

/** A name that does not match {@link StreamName#PATTERN}; the message names the value and what was expected. */
public final class InvalidNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidNameException(String field, String value, String expected) {
        super(field + ": '" + printable(value) + "' (expected: " + expected + ")");
    }

    /** Keeps control characters and overlong input out of messages and logs. */
    private static String printable(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), 80));
        for (int i = 0; i < value.length() && out.length() < 80; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > 80) {
            out.append("...");
        }
        return out.toString();
    }
}
