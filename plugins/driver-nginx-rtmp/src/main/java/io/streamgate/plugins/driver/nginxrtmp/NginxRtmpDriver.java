package io.streamgate.plugins.driver.nginxrtmp;

import io.streamgate.plugin.api.driver.PublishEndpoint;
import io.streamgate.plugin.api.driver.RuntimeState;
import io.streamgate.plugin.api.driver.RuntimeState.InputState;
import io.streamgate.plugin.api.driver.RuntimeState.StreamState;
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
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * Drives one nginx with the RTMP module. nginx-rtmp has no per-stream configuration: a stream exists while an encoder
 * publishes to the application (each publish authorized by nginx's {@code on_publish} callback), so only
 * {@code publish://} streams can run here and a push is a no-op. The rest goes through nginx's HTTP server:
 * {@code rtmp_control} drops publishers, {@code rtmp_stat} tells what runs and what it moved.
 *
 * <p>What nginx-rtmp can tell is limited: {@code onlineClients} counts RTMP players only (viewers of the HLS nginx
 * writes are served by nginx's HTTP server, which nginx-rtmp does not see), and {@code bytes_out} is what went to RTMP
 * players; HLS egress is not in it. See {@link CollectionSessions} for how sessions and monotonic counters are made.
 */
final class NginxRtmpDriver implements StreamerDriver {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final String PUBLISH = "publish://";
    private static final Map<String, List<String>> ACCEPT_XML = Map.of("Accept", List.of("text/xml"));

    private final NginxRtmpSettings settings;
    private final StreamerDriverContext context;
    private final String base;
    private final CollectionSessions sessions;

    NginxRtmpDriver(NginxRtmpSettings settings, StreamerDriverContext context) {
        this.settings = settings;
        this.context = context;
        String text = context.baseUrl().toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.sessions = CollectionSessions.of(base + " " + settings.app());
    }

    /** Completes without I/O for a publish-only stream; nginx-rtmp has nothing to configure. */
    @Override
    public Mono<Void> push(StreamConfig stream) {
        return Mono.defer(() -> {
            requireName(stream.name());
            if (stream.inputs().isEmpty() || !stream.inputs().stream().allMatch(input -> input.startsWith(PUBLISH))) {
                return Mono.error(new UnsupportedStreamException("stream '" + stream.name() + "' has inputs "
                        + stream.inputs() + ", but nginx-rtmp only takes published streams (expected: publish://"
                        + " inputs only; it cannot pull a source or make one, and has no per-stream config)"));
            }
            return Mono.empty();
        });
    }

    /** Drops the stream's publisher; nginx answers 2xx (with the number dropped, maybe 0) or 404 when it has none. */
    @Override
    public Mono<Void> remove(String name) {
        return Mono.defer(() -> {
            requireName(name);
            URI target = URI.create(base + settings.controlPath() + "/drop/publisher?app=" + encode(settings.app())
                    + "&name=" + encode(name));
            return call(target, Map.of()).flatMap(answer -> {
                if (success(answer) || answer.status() == 404) {
                    return Mono.<Void>empty();
                }
                return Mono.error(failed(target, answer));
            });
        });
    }

    /**
     * The application's streams: alive while a publisher sends media, {@code onlineClients} the RTMP players (the
     * publisher is one of nginx's clients and is not counted), bitrate the measured outgoing bandwidth.
     */
    @Override
    public Mono<RuntimeState> state() {
        return stat().map(answer -> {
            List<StreamState> streams = new ArrayList<>();
            for (RtmpStat.Stream stream : answer.stat().streams()) {
                long players = Math.max(0, stream.clients() - (stream.publishing() ? 1 : 0));
                streams.add(new StreamState(
                        stream.name(),
                        stream.active() && stream.publishing(),
                        players,
                        stream.bwOutBits() / 1000,
                        stream.publishing() ? InputState.PUBLISHING : InputState.WAITING));
            }
            return new RuntimeState(streams);
        });
    }

    @Override
    public Mono<UsageCounters> counters() {
        return stat().map(answer -> sessions.counters(answer.stat(), answer.at()));
    }

    /** RTMP only: {@code {rtmp_url}/{name}?token=...}, the token reaching {@code on_publish} as a form field. */
    @Override
    public List<PublishEndpoint> publishEndpoints(String name, String token) {
        requireName(name);
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("token: missing (expected: the publish token)");
        }
        return List.of(new PublishEndpoint("rtmp", settings.rtmpUrl() + "/" + name + "?token=" + encode(token)));
    }

    private record StatAnswer(RtmpStat stat, Instant at) {}

    private Mono<StatAnswer> stat() {
        return Mono.defer(() -> {
            URI target = URI.create(base + settings.statPath());
            return call(target, ACCEPT_XML).map(answer -> {
                if (!success(answer)) {
                    throw failed(target, answer);
                }
                return new StatAnswer(RtmpStat.parse(wholeBody(answer, target), settings.app()), answeredAt(answer));
            });
        });
    }

    /**
     * nginx computes {@code uptime} from the same cached clock it writes the {@code Date} header from, so
     * {@code Date - uptime} is the worker's start exactly; the driver's clock is the fallback.
     */
    private Instant answeredAt(HttpAnswer answer) {
        String date = answer.header("Date");
        if (date != null) {
            try {
                return ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            } catch (DateTimeParseException e) {
                // A garbled Date is no reason to fail the poll: the clock is as good within the session drift.
            }
        }
        return context.clock().instant();
    }

    private Mono<HttpAnswer> call(URI target, Map<String, List<String>> headers) {
        return context.http().call(new HttpCall("GET", target, headers, null, context.timeout()));
    }

    /** The host's caller cuts long bodies off silently; a body shorter than its declared length is that case. */
    private byte[] wholeBody(HttpAnswer answer, URI target) {
        byte[] body = answer.body();
        String declared = answer.header("Content-Length");
        if (declared != null && !declared.trim().equals(Integer.toString(body.length))) {
            throw new MalformedAnswerException("GET " + target.getRawPath() + " on streamer '"
                    + context.streamerName() + "': body has " + body.length + " bytes, Content-Length says '"
                    + declared.trim() + "' (cut off)");
        }
        return body;
    }

    private StreamerCallException failed(URI target, HttpAnswer answer) {
        return new StreamerCallException(
                "GET " + target.getRawPath() + " on streamer '" + context.streamerName() + "' answered "
                        + answer.status(),
                answer.status());
    }

    private static boolean success(HttpAnswer answer) {
        return answer.status() >= 200 && answer.status() < 300;
    }

    private static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name + "' (expected: " + NAME.pattern() + ")");
        }
    }

    private static String encode(String value) {
        // URLEncoder writes form encoding; a space must be %20 in a URL meant for any client, not '+'.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
