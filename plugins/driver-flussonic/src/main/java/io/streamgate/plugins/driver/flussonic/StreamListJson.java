package io.streamgate.plugins.driver.flussonic;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.streamgate.plugin.api.driver.RuntimeState;
import io.streamgate.plugin.api.driver.RuntimeState.InputState;
import io.streamgate.plugin.api.driver.RuntimeState.StreamState;
import io.streamgate.plugin.api.driver.StreamConfig;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of the Flussonic-style config API: the body a push sends, and the stream list {@code state()} reads.
 *
 * <p>The list is read strictly (RFC 8259, nothing after the value) but tolerantly of absence: {@code streams} and each
 * stream's {@code name} are required, everything else defaults ({@code stats} absent means a configured stream that is
 * not live). A field that is present with the wrong type, or a count that is not a whole non-negative number, makes
 * the whole answer malformed rather than silently zero.
 */
final class StreamListJson {

    private StreamListJson() {}

    static byte[] pushBody(StreamConfig stream) {
        JsonObject body = new JsonObject();
        body.addProperty("name", stream.name());
        JsonArray inputs = new JsonArray();
        for (String url : stream.inputs()) {
            JsonObject input = new JsonObject();
            input.addProperty("url", url);
            inputs.add(input);
        }
        body.add("inputs", inputs);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads the list token by token: a 10,000-stream list read into a tree first took some 10 MB of nodes per
     * streamer, and a gateway's first polls of twenty streamers at once ran a 256 MB heap out of memory.
     */
    static RuntimeState parse(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonToken first;
            try {
                first = reader.peek();
            } catch (EOFException empty) {
                throw malformed("the body is not a JSON object");
            }
            if (first != JsonToken.BEGIN_OBJECT) {
                throw malformed("the body is not a JSON object");
            }
            List<StreamState> streams = null;
            reader.beginObject();
            while (reader.hasNext()) {
                if (reader.nextName().equals("streams")) {
                    if (reader.peek() != JsonToken.BEGIN_ARRAY) {
                        throw malformed("'streams' is not an array");
                    }
                    streams = streams(reader);
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw malformed("data after the JSON value");
            }
            if (streams == null) {
                throw malformed("'streams' is missing");
            }
            return new RuntimeState(streams);
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new MalformedAnswerException("stream list: not JSON (" + e.getMessage() + ")", e);
        }
    }

    private static List<StreamState> streams(JsonReader reader) throws IOException {
        List<StreamState> streams = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            streams.add(stream(reader, "streams[" + streams.size() + "]"));
        }
        reader.endArray();
        return streams;
    }

    private static StreamState stream(JsonReader reader, String where) throws IOException {
        if (reader.peek() != JsonToken.BEGIN_OBJECT) {
            throw malformed(where + " is not an object");
        }
        String name = null;
        // Absent or null: a configured stream that is not live.
        Stats stats = Stats.NONE;
        reader.beginObject();
        while (reader.hasNext()) {
            switch (reader.nextName()) {
                case "name" -> {
                    if (reader.peek() != JsonToken.STRING) {
                        throw malformed(where + ".name is missing or not a non-empty string");
                    }
                    name = reader.nextString();
                }
                case "stats" -> stats = stats(reader, where + ".stats");
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        if (name == null || name.isEmpty()) {
            throw malformed(where + ".name is missing or not a non-empty string");
        }
        InputState input =
                stats.publishing ? InputState.PUBLISHING : stats.alive ? InputState.RECEIVING : InputState.WAITING;
        return new StreamState(name, stats.alive, stats.clients, stats.bitrate, input);
    }

    private record Stats(boolean alive, boolean publishing, long clients, long bitrate) {
        static final Stats NONE = new Stats(false, false, 0, 0);
    }

    private static Stats stats(JsonReader reader, String where) throws IOException {
        JsonToken token = reader.peek();
        if (token == JsonToken.NULL) {
            reader.nextNull();
            return Stats.NONE;
        }
        if (token != JsonToken.BEGIN_OBJECT) {
            throw malformed(where + " is not an object");
        }
        boolean alive = false;
        boolean publishing = false;
        long clients = 0;
        long bitrate = 0;
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            switch (key) {
                case "alive" -> alive = bool(reader, where + "." + key);
                case "publishing" -> publishing = bool(reader, where + "." + key);
                case "online_clients" -> clients = count(reader, where + "." + key);
                case "output_bitrate" -> bitrate = count(reader, where + "." + key);
                default -> reader.skipValue();
            }
        }
        reader.endObject();
        return new Stats(alive, publishing, clients, bitrate);
    }

    private static boolean bool(JsonReader reader, String where) throws IOException {
        JsonToken token = reader.peek();
        if (token == JsonToken.NULL) {
            reader.nextNull();
            return false;
        }
        if (token != JsonToken.BOOLEAN) {
            throw malformed(where + " is not true or false");
        }
        return reader.nextBoolean();
    }

    private static long count(JsonReader reader, String where) throws IOException {
        JsonToken token = reader.peek();
        if (token == JsonToken.NULL) {
            reader.nextNull();
            return 0;
        }
        String expected = where + " is not a whole number from 0 to " + Long.MAX_VALUE;
        if (token != JsonToken.NUMBER) {
            throw malformed(expected);
        }
        BigDecimal number;
        try {
            // The number as written: 1200.0 is whole, 1e30 is too large, 1.5 is not a count.
            number = new BigDecimal(reader.nextString());
        } catch (NumberFormatException e) {
            throw malformed(expected);
        }
        if (number.signum() < 0
                || number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                || number.signum() > 0 && number.stripTrailingZeros().scale() > 0) {
            throw malformed(expected);
        }
        return number.signum() == 0 ? 0 : number.longValueExact();
    }

    private static MalformedAnswerException malformed(String message) {
        return new MalformedAnswerException("stream list: " + message);
    }
}
