package io.streamgate.plugins.driver.flussonic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parser of the Prometheus text exposition format 0.0.4, exact where money depends on it: every sample line is
 * parsed in full (a malformed line anywhere, which usually means a cut-off or garbled answer, fails the whole text),
 * label values are unescaped ({@code \\}, {@code \"}, {@code \n}; any other escape is an error), and the body must end
 * with a line feed as the format demands, so a body cut off mid-line is never read as a smaller number.
 *
 * <p>Comment lines ({@code # HELP}, {@code # TYPE} and others) are skipped: the driver knows its series by name.
 */
final class PrometheusText {

    /** A sample line: the metric, its labels in order, and the value token as written. */
    record Sample(String name, Map<String, String> labels, String value) {

        Sample {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    // Go's strconv.ParseFloat syntax minus hex floats, plus the format's special values.
    private static final Pattern FLOAT =
            Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?(?i:inf|nan)");
    private static final Pattern DECIMAL =
            Pattern.compile("\\+?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern TIMESTAMP = Pattern.compile("-?[0-9]{1,19}");
    private static final int MAX_VALUE_LENGTH = 64;
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private PrometheusText() {}

    /**
     * Parses a whole exposition.
     *
     * @throws MalformedAnswerException naming the line and what was expected
     */
    static List<Sample> parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new MalformedAnswerException("metrics: the text does not end with a line feed (cut off?)");
        }
        List<Sample> samples = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            lineNumber++;
            String line = text.substring(start, end);
            start = end + 1;
            String trimmed = strip(line);
            if (trimmed.isEmpty() || trimmed.charAt(0) == '#') {
                continue;
            }
            samples.add(new LineParser(trimmed, lineNumber).sample());
        }
        return samples;
    }

    /**
     * Reads a value token as an exact non-negative whole number. Accepted: plain digits ({@code 123}), a zero
     * fraction ({@code 123.0}, as Java clients write counters) and an exponent form whose value is a whole number
     * ({@code 1.5e3} is 1500). Refused: NaN, infinities, a non-zero fraction, negative numbers (also {@code -0}), and
     * anything above {@link Long#MAX_VALUE}. The text is taken exactly as written, in decimal; no binary floating
     * point is involved.
     *
     * @return the value
     * @throws MalformedAnswerException naming the series and what was expected
     */
    static long exactCount(Sample sample) {
        String value = sample.value();
        String expected = " (expected: an exact whole number from 0 to " + Long.MAX_VALUE + ")";
        if (value.length() > MAX_VALUE_LENGTH || !DECIMAL.matcher(value).matches()) {
            throw new MalformedAnswerException(
                    "metrics: " + sample.name() + sample.labels() + " has value '" + value + "'" + expected);
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new MalformedAnswerException(
                    "metrics: " + sample.name() + sample.labels() + " has value '" + value + "'" + expected);
        }
        // compareTo before any conversion: 1e999999999 must not become a billion-digit integer.
        if (number.signum() != 0
                && (number.compareTo(LONG_MAX) > 0
                        || number.stripTrailingZeros().scale() > 0)) {
            throw new MalformedAnswerException(
                    "metrics: " + sample.name() + sample.labels() + " has value '" + value + "'" + expected);
        }
        return number.signum() == 0 ? 0 : number.longValueExact();
    }

    private static String strip(String line) {
        int from = 0;
        int to = line.length();
        while (from < to && isBlank(line.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(line.charAt(to - 1))) {
            to--;
        }
        return line.substring(from, to);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** One sample line, read left to right. */
    private static final class LineParser {

        private final String line;
        private final int number;
        private int at;

        LineParser(String line, int number) {
            this.line = line;
            this.number = number;
        }

        Sample sample() {
            String name = metricName();
            Map<String, String> labels = new LinkedHashMap<>();
            int blanks = skipBlanks();
            if (at < line.length() && line.charAt(at) == '{') {
                at++;
                labels(labels);
                blanks = skipBlanks();
            }
            if (blanks == 0) {
                throw error("a blank before the value");
            }
            String value = token();
            if (!FLOAT.matcher(value).matches()) {
                throw error("a float value, not '" + value + "'");
            }
            if (skipBlanks() > 0 && at < line.length()) {
                String timestamp = token();
                if (!TIMESTAMP.matcher(timestamp).matches()) {
                    throw error("a millisecond timestamp, not '" + timestamp + "'");
                }
            }
            if (at < line.length()) {
                throw error("the end of the line after the value and timestamp");
            }
            return new Sample(name, labels, value);
        }

        private String metricName() {
            int start = at;
            while (at < line.length() && isNameChar(line.charAt(at), at == start, true)) {
                at++;
            }
            if (at == start) {
                throw error("a metric name [a-zA-Z_:][a-zA-Z0-9_:]*");
            }
            return line.substring(start, at);
        }

        private void labels(Map<String, String> labels) {
            while (true) {
                skipBlanks();
                if (at < line.length() && line.charAt(at) == '}') {
                    at++;
                    return;
                }
                int start = at;
                while (at < line.length() && isNameChar(line.charAt(at), at == start, false)) {
                    at++;
                }
                if (at == start) {
                    throw error("a label name [a-zA-Z_][a-zA-Z0-9_]* or '}'");
                }
                String label = line.substring(start, at);
                skipBlanks();
                expect('=');
                skipBlanks();
                expect('"');
                String value = labelValue();
                if (labels.put(label, value) != null) {
                    throw error("each label once, not '" + label + "' twice");
                }
                skipBlanks();
                if (at < line.length() && line.charAt(at) == ',') {
                    at++;
                } else if (at >= line.length() || line.charAt(at) != '}') {
                    throw error("',' or '}' after a label");
                }
            }
        }

        private String labelValue() {
            StringBuilder value = new StringBuilder();
            while (at < line.length()) {
                char c = line.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (at >= line.length()) {
                    break;
                }
                char escaped = line.charAt(at++);
                switch (escaped) {
                    case '\\':
                        value.append('\\');
                        break;
                    case '"':
                        value.append('"');
                        break;
                    case 'n':
                        value.append('\n');
                        break;
                    default:
                        throw error("an escape \\\\, \\\" or \\n in a label value, not '\\" + escaped + "'");
                }
            }
            throw error("a closing '\"' of the label value");
        }

        private String token() {
            int start = at;
            while (at < line.length() && !isBlank(line.charAt(at))) {
                at++;
            }
            return line.substring(start, at);
        }

        private int skipBlanks() {
            int start = at;
            while (at < line.length() && isBlank(line.charAt(at))) {
                at++;
            }
            return at - start;
        }

        private void expect(char c) {
            if (at >= line.length() || line.charAt(at) != c) {
                throw error("'" + c + "'");
            }
            at++;
        }

        private MalformedAnswerException error(String expected) {
            return new MalformedAnswerException(
                    "metrics line " + number + ", column " + (at + 1) + ": expected " + expected);
        }

        private static boolean isNameChar(char c, boolean first, boolean colon) {
            return c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c == '_'
                    || colon && c == ':'
                    || !first && c >= '0' && c <= '9';
        }
    }
}
