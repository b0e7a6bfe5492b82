package io.streamgate.plugins.driver.flussonic;

import io.streamgate.plugin.api.driver.PublishEndpoint;
import io.streamgate.plugin.api.driver.RuntimeState;
import io.streamgate.plugin.api.driver.StreamConfig;
import io.streamgate.plugin.api.driver.StreamerDriver;
import io.streamgate.plugin.api.driver.StreamerDriverContext;
import io.streamgate.plugin.api.driver.UnsupportedStreamException;
import io.streamgate.plugin.api.driver.UsageCounters;
import io.streamgate.plugin.api.http.HttpAnswer;
import io.streamgate.plugin.api.http.HttpCall;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import reactor.core.publisher.Mono;

/**
 * Drives one Flussonic-style streamer over its HTTP API: {@code PUT}/{@code DELETE /streamer/api/v3/streams/{name}},
 * {@code GET /streamer/api/v3/streams} for what runs, {@code GET /metrics} for the usage counters. Every call goes
 * through the host's caller with the context's timeout. Thread-safe: its only state is the last stream list it read.
 */
final class FlussonicDriver implements StreamerDriver {

    static final String STREAMS_PATH = "/streamer/api/v3/streams";
    static final String METRICS_PATH = "/metrics";
    static final String HTTP_PUBLISH_PATH = "/streamer/publish/";

    // The cloud's internal names; no slash, so a name is always exactly one path segment.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    // RFC 3986 scheme followed by "//": Flussonic-like streamers take many schemes, but an input always names one.
    private static final Pattern INPUT = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://\\S*");
    private static final Map<String, List<String>> JSON_BODY =
            Map.of("Content-Type", List.of("application/json"), "Accept", List.of("application/json"));
    private static final Map<String, List<String>> ACCEPT_JSON = Map.of("Accept", List.of("application/json"));
    private static final Map<String, List<String>> ACCEPT_TEXT = Map.of("Accept", List.of("text/plain;version=0.0.4"));

    private final FlussonicSettings settings;
    private final StreamerDriverContext context;
    private final String base;
    /**
     * The last stream list and what it said. A poll that gets the very same bytes again (nothing started, stopped or
     * changed its counts) reuses it: a list of 10,000 streams costs milliseconds to parse, once a second per streamer.
     */
    private volatile Listed lastList;

    FlussonicDriver(FlussonicSettings settings, StreamerDriverContext context) {
        this.settings = settings;
        this.context = context;
        String text = context.baseUrl().toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * Any input scheme is passed through (Flussonic-like streamers take {@code fake://}, {@code publish://},
     * {@code rtmp://}, {@code http(s)://}, {@code udp://}, {@code srt://} and more, and they are the judge); only a
     * stream without inputs, or an input without a scheme, is refused here.
     */
    @Override
    public Mono<Void> push(StreamConfig stream) {
        return Mono.defer(() -> {
            URI target = streamUri(stream.name());
            if (stream.inputs().isEmpty()) {
                return Mono.error(new UnsupportedStreamException(
                        "stream '" + stream.name() + "' has no inputs (expected: at least one input URL)"));
            }
            for (String input : stream.inputs()) {
                if (input == null || !INPUT.matcher(input).matches()) {
                    return Mono.error(new UnsupportedStreamException("input '" + input + "' of stream '"
                            + stream.name() + "' (expected: a URL with a scheme, like fake://test, publish:// or"
                            + " rtmp://host/app/name)"));
                }
            }
            return call("PUT", target, JSON_BODY, StreamListJson.pushBody(stream))
                    .flatMap(
                            answer -> success(answer) ? Mono.<Void>empty() : Mono.error(failed("PUT", target, answer)));
        });
    }

    @Override
    public Mono<Void> remove(String name) {
        return Mono.defer(() -> {
            URI target = streamUri(name);
            return call("DELETE", target, ACCEPT_JSON, null).flatMap(answer -> {
                // 404: the streamer does not have it, which is what a remove wants.
                if (success(answer) || answer.status() == 404) {
                    return Mono.<Void>empty();
                }
                return Mono.error(failed("DELETE", target, answer));
            });
        });
    }

    @Override
    public Mono<RuntimeState> state() {
        return Mono.defer(() -> {
            URI target = URI.create(base + STREAMS_PATH);
            return call("GET", target, ACCEPT_JSON, null).map(answer -> {
                if (!success(answer)) {
                    throw failed("GET", target, answer);
                }
                // body() copies: once per poll, however large the list.
                byte[] body = answer.body();
                Fingerprint fingerprint = Fingerprint.of(body);
                Listed held = lastList;
                if (held != null && held.fingerprint.equals(fingerprint)) {
                    return held.state;
                }
                RuntimeState state = StreamListJson.parse(wholeBody(answer, body, target));
                lastList = new Listed(fingerprint, state);
                return state;
            });
        });
    }

    @Override
    public Mono<UsageCounters> counters() {
        return Mono.defer(() -> {
            URI target = URI.create(base + METRICS_PATH);
            return call("GET", target, ACCEPT_TEXT, null).map(answer -> {
                if (!success(answer)) {
                    throw failed("GET", target, answer);
                }
                return StreamerMetrics.parse(wholeBody(answer, answer.body(), target));
            });
        });
    }

    /**
     * In this order when enabled: RTMP ({@code {rtmp_url}/{name}?token=}), SRT, WHIP ({@code {base}/{name}/whip}) and
     * HTTP ({@code {base}/streamer/publish/{name}}); the token is URL-encoded everywhere.
     *
     * <p>SRT has no path or query of its own, so the stream and token ride in the stream id, in the SRT Access
     * Control syntax that Flussonic reads: {@code #!::r={name},m=publish,token={token}} ({@code r} the resource,
     * {@code m} the mode, {@code token} a custom key), URL-encoded as the {@code streamid} query parameter. That
     * syntax has no escaping, so a token with a comma cannot be carried and is refused.
     */
    @Override
    public List<PublishEndpoint> publishEndpoints(String name, String token) {
        requireName(name);
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("token: missing (expected: the publish token)");
        }
        String query = "?token=" + encode(token);
        List<PublishEndpoint> endpoints = new ArrayList<>(4);
        if (settings.rtmpUrl() != null) {
            endpoints.add(new PublishEndpoint("rtmp", settings.rtmpUrl() + "/" + name + query));
        }
        if (settings.srtUrl() != null) {
            if (token.indexOf(',') >= 0) {
                throw new IllegalArgumentException(
                        "token: contains ',' (expected: none; the SRT stream id cannot carry it)");
            }
            String streamId = "#!::r=" + name + ",m=publish,token=" + token;
            endpoints.add(new PublishEndpoint("srt", settings.srtUrl() + "?streamid=" + encode(streamId)));
        }
        if (settings.whip()) {
            endpoints.add(new PublishEndpoint("whip", base + "/" + name + "/whip" + query));
        }
        if (settings.httpPublish()) {
            endpoints.add(new PublishEndpoint("http", base + HTTP_PUBLISH_PATH + name + query));
        }
        return List.copyOf(endpoints);
    }

    /** The last list read, known by its fingerprint. */
    private record Listed(Fingerprint fingerprint, RuntimeState state) {}

    /**
     * What tells a list from the last one without keeping it: its length and two CRCs of different polynomials. A
     * change within 32 consecutive bits (one count going up) always changes both; lists that differ more share all
     * 64 bits about once in 2^64. Keeping a 10,000-stream list's bytes held a megabyte per streamer; a SHA-256 of
     * twenty such lists a second took a fifth of a busy gateway's CPU, where the JIT computes both CRCs with CPU
     * instructions made for them.
     */
    private record Fingerprint(int length, long crc32c, long crc32) {
        static Fingerprint of(byte[] body) {
            CRC32C crc32c = new CRC32C();
            crc32c.update(body);
            CRC32 crc32 = new CRC32();
            crc32.update(body);
            return new Fingerprint(body.length, crc32c.getValue(), crc32.getValue());
        }
    }

    private Mono<HttpAnswer> call(String method, URI target, Map<String, List<String>> headers, byte[] body) {
        return context.http().call(new HttpCall(method, target, headers, body, context.timeout()));
    }

    private URI streamUri(String name) {
        requireName(name);
        return URI.create(base + STREAMS_PATH + "/" + name);
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name + "' (expected: " + NAME.pattern() + ")");
        }
    }

    private static boolean success(HttpAnswer answer) {
        return answer.status() >= 200 && answer.status() < 300;
    }

    /**
     * The host's caller cuts long bodies off without saying so; a declared length the body falls short of is that
     * case, and reading the rest as if whole could drop streams or digits.
     */
    private String wholeBody(HttpAnswer answer, byte[] body, URI target) {
        String declared = answer.header("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) != body.length) {
                    throw new MalformedAnswerException("GET " + target.getRawPath() + " on streamer '"
                            + context.streamerName() + "': body has " + body.length + " of " + declared.trim()
                            + " bytes (cut off)");
                }
            } catch (NumberFormatException e) {
                throw new MalformedAnswerException("GET " + target.getRawPath() + " on streamer '"
                        + context.streamerName() + "': Content-Length '" + declared + "' is not a number");
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private StreamerCallException failed(String method, URI target, HttpAnswer answer) {
        return new StreamerCallException(
                method + " " + target.getRawPath() + " on streamer '" + context.streamerName() + "' answered "
                        + answer.status(),
                answer.status());
    }

    private static String encode(String value) {
        // URLEncoder writes form encoding; a space must be %20 in a query meant for any client, not '+'.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
