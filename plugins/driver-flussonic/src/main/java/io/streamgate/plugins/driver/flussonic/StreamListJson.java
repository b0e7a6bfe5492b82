package io.streamgate.plugins.driver.flussonic;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.streamgate.plugin.api.driver.RuntimeState;
import io.streamgate.plugin.api.driver.RuntimeState.InputState;
import io.streamgate.plugin.api.driver.RuntimeState.StreamState;
import io.streamgate.plugin.api.driver.StreamConfig;
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

    static RuntimeState parse(String text) {
        JsonElement root = strictParse(text);
        if (!root.isJsonObject()) {
            throw malformed("the body is not a JSON object");
        }
        JsonElement streams = root.getAsJsonObject().get("streams");
        if (streams == null || !streams.isJsonArray()) {
            throw malformed("'streams' is " + (streams == null ? "missing" : "not an array"));
        }
        List<StreamState> states = new ArrayList<>();
        int index = 0;
        for (JsonElement element : streams.getAsJsonArray()) {
            states.add(stream(element, "streams[" + index++ + "]"));
        }
        return new RuntimeState(states);
    }

    private static StreamState stream(JsonElement element, String where) {
        if (!element.isJsonObject()) {
            throw malformed(where + " is not an object");
        }
        JsonObject stream = element.getAsJsonObject();
        JsonElement name = stream.get("name");
        if (name == null || !isString(name) || name.getAsString().isEmpty()) {
            throw malformed(where + ".name is missing or not a non-empty string");
        }
        JsonElement statsElement = stream.get("stats");
        if (statsElement == null || statsElement.isJsonNull()) {
            return new StreamState(name.getAsString(), false, 0, 0, InputState.WAITING);
        }
        if (!statsElement.isJsonObject()) {
            throw malformed(where + ".stats is not an object");
        }
        JsonObject stats = statsElement.getAsJsonObject();
        String at = where + ".stats";
        boolean alive = bool(stats, "alive", at);
        boolean publishing = bool(stats, "publishing", at);
        long clients = count(stats, "online_clients", at);
        long bitrate = count(stats, "output_bitrate", at);
        InputState input = publishing ? InputState.PUBLISHING : alive ? InputState.RECEIVING : InputState.WAITING;
        return new StreamState(name.getAsString(), alive, clients, bitrate, input);
    }

    private static boolean bool(JsonObject object, String key, String where) {
        JsonElement value = object.get(key);
        if (value == null || value.isJsonNull()) {
            return false;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw malformed(where + "." + key + " is not true or false");
        }
        return value.getAsBoolean();
    }

    private static long count(JsonObject object, String key, String where) {
        JsonElement value = object.get(key);
        if (value == null || value.isJsonNull()) {
            return 0;
        }
        String expected = where + "." + key + " is not a whole number from 0 to " + Long.MAX_VALUE;
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw malformed(expected);
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.getAsJsonPrimitive().getAsString());
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

    private static boolean isString(JsonElement element) {
        return element.isJsonPrimitive() && ((JsonPrimitive) element).isString();
    }

    private static JsonElement strictParse(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw malformed("data after the JSON value");
            }
            return root;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new MalformedAnswerException("stream list: not JSON (" + e.getMessage() + ")", e);
        }
    }

    private static MalformedAnswerException malformed(String message) {
        return new MalformedAnswerException("stream list: " + message);
    }
}
