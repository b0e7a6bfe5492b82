package io.streamgate.sim.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4, written from the format's description rather than
 * from our renderer, so that tests check the renderer against the format and not against itself. Anything it does
 * not understand is an error.
 */
public final class Exposition {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, String value) {}

    private final Map<String, String> types;
    private final List<Sample> samples;

    private Exposition(Map<String, String> types, List<Sample> samples) {
        this.types = types;
        this.samples = samples;
    }

    public Map<String, String> types() {
        return types;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The samples of one metric, in the order they came. */
    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of the metric's sample whose single label has the given value. */
    public Optional<Long> value(String name, String label, String labelValue) {
        return samples(name).stream()
                .filter(s -> labelValue.equals(s.labels().get(label)))
                .map(s -> Long.parseLong(s.value()))
                .findFirst();
    }

    public static Exposition parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("exposition does not end with a line feed");
        }
        Map<String, String> types = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 4 && parts[1].equals("TYPE")) {
                    if (!NAME.matcher(parts[2]).matches()
                            || !List.of("counter", "gauge", "histogram", "summary", "untyped")
                                    .contains(parts[3])) {
                        throw new IllegalArgumentException("bad TYPE line: " + line);
                    }
                    if (types.put(parts[2], parts[3]) != null) {
                        throw new IllegalArgumentException("second TYPE line for " + parts[2]);
                    }
                }
                continue;
            }
            samples.add(sample(line));
        }
        for (Sample sample : samples) {
            if (!types.containsKey(sample.name())) {
                throw new IllegalArgumentException("sample without TYPE: " + sample.name());
            }
        }
        return new Exposition(types, samples);
    }

    private static Sample sample(String line) {
        int at = 0;
        while (at < line.length() && line.charAt(at) != '{' && line.charAt(at) != ' ') {
            at++;
        }
        String name = line.substring(0, at);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad metric name in: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < line.length() && line.charAt(at) == '{') {
            at++;
            while (line.charAt(at) != '}') {
                int eq = line.indexOf('=', at);
                String label = line.substring(at, eq);
                if (!LABEL.matcher(label).matches() || line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("bad label in: " + line);
                }
                at = eq + 2;
                StringBuilder value = new StringBuilder();
                while (line.charAt(at) != '"') {
                    char c = line.charAt(at);
                    if (c == '\\') {
                        char next = line.charAt(at + 1);
                        switch (next) {
                            case '\\' -> value.append('\\');
                            case '"' -> value.append('"');
                            case 'n' -> value.append('\n');
                            default -> throw new IllegalArgumentException("bad escape \\" + next + " in: " + line);
                        }
                        at += 2;
                    } else {
                        value.append(c);
                        at++;
                    }
                }
                at++;
                if (labels.put(label, value.toString()) != null) {
                    throw new IllegalArgumentException("label " + label + " twice in: " + line);
                }
                if (line.charAt(at) == ',') {
                    at++;
                } else if (line.charAt(at) != '}') {
                    throw new IllegalArgumentException("expected ',' or '}' at " + at + " in: " + line);
                }
            }
            at++;
        }
        if (at >= line.length() || line.charAt(at) != ' ') {
            throw new IllegalArgumentException("no value in: " + line);
        }
        String[] rest = line.substring(at + 1).split(" ", -1);
        if (rest.length > 2 || rest[0].isEmpty()) {
            throw new IllegalArgumentException("bad value in: " + line);
        }
        Double.parseDouble(rest[0]);
        return new Sample(name, labels, rest[0]);
    }
}
