package io.streamgate.loadtests;

import static io.gatling.javaapi.core.CoreDsl.bodyLength;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A viewer as an HLS player behaves: the master playlist from the gateway under the project's domain (Host header)
 * with the viewer's token, one variant from it (an absolute, signed URL on a streamer), the newest segments of that
 * variant, then a reload of the variant every target duration, downloading each segment that appeared since.
 *
 * <p>Requests are named {@code master playlist}, {@code variant playlist} and {@code segment} in the reports.
 */
final class HlsPlayer {

    /** Which variant of the master playlist a viewer follows. */
    enum VariantChoice {
        FIRST,
        LAST,
        RANDOM;

        static VariantChoice parse(String property, String value) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(property + ": '" + value + "' (expected: first, last or random)", e);
            }
        }

        String pick(List<String> variants) {
            switch (this) {
                case FIRST:
                    return variants.get(0);
                case LAST:
                    return variants.get(variants.size() - 1);
                default:
                    return variants.get(ThreadLocalRandom.current().nextInt(variants.size()));
            }
        }
    }

    private static final String REFRESH_COUNTER = "variantRefresh";

    private HlsPlayer() {}

    /**
     * The player API's protocol: every request reaches the server (no cache), redirects are answers of their own (a
     * 302 is not what the rewrite mode promises), and nothing goes anywhere before the run (no warm-up URL).
     */
    static HttpProtocolBuilder protocol(Target target) {
        return http.baseUrl(target.gateway().toString())
                .userAgentHeader("StreamGate-load-tests (Gatling)")
                .disableCaching()
                .disableFollowRedirect()
                .disableWarmUp();
    }

    /** A scenario of viewers from the feeder who join and then watch for {@code watch}. */
    static ScenarioBuilder viewers(
            String name, ViewerFeeder feeder, VariantChoice choice, int joinSegments, Duration watch) {
        return scenario(name).feed(feeder).exec(join(choice, joinSegments)).exec(watch(watch));
    }

    /** Master playlist, one variant playlist and its last {@code joinSegments} segments (none when zero). */
    static ChainBuilder join(VariantChoice choice, int joinSegments) {
        return exec(http("master playlist")
                        .get("/#{stream}/index.m3u8#{query}")
                        .header("Host", "#{host}")
                        .check(
                                status().is(200),
                                startsWithExtM3u(),
                                regex("(?m)^(https?://\\S+)$").findAll().saveAs("variants")))
                // A player whose master or variant playlist failed has nothing to play: it stops there, so one
                // failure is counted once, not again as a request that cannot even be built.
                .exitHereIfFailed()
                .exec(session -> session.set("variant", choice.pick(session.getList("variants")))
                        .remove("variants"))
                .exec(variantPlaylist())
                .exitHereIfFailed()
                .exec(session -> {
                    MediaPlaylist playlist = playlist(session);
                    return session.remove("playlist")
                            .set("segments", playlist.last(joinSegments))
                            .set("lastSequence", playlist.lastSequence())
                            .set("targetMillis", playlist.targetDuration().toMillis());
                })
                .exec(segments())
                // Starts the reload clock: the first reload comes one target duration after joining.
                .pace(session -> Duration.ofMillis(session.getLong("targetMillis")), REFRESH_COUNTER);
    }

    /** Reloads the variant every target duration for {@code duration}, downloading the segments new to the viewer. */
    static ChainBuilder watch(Duration duration) {
        return during(duration)
                .on(pace(session -> Duration.ofMillis(session.getLong("targetMillis")), REFRESH_COUNTER)
                        .exec(variantPlaylist())
                        .exitHereIfFailed()
                        .exec(session -> {
                            MediaPlaylist playlist = playlist(session);
                            long seen = session.getLong("lastSequence");
                            return session.remove("playlist")
                                    .set("segments", playlist.after(seen))
                                    .set("lastSequence", Math.max(seen, playlist.lastSequence()))
                                    .set(
                                            "targetMillis",
                                            playlist.targetDuration().toMillis());
                        })
                        .exec(segments()));
    }

    private static ChainBuilder variantPlaylist() {
        return exec(http("variant playlist")
                .get("#{variant}")
                .check(
                        status().is(200),
                        startsWithExtM3u(),
                        regex("(?m)^#EXT-X-TARGETDURATION:\\d+$").exists(),
                        regex("(?m)^[^#\\s]\\S*$").exists(),
                        bodyString().saveAs("playlist")));
    }

    private static ChainBuilder segments() {
        return foreach("#{segments}", "segment")
                .on(exec(http("segment")
                        .get("#{segment}")
                        .check(status().is(200), bodyLength().gt(0))));
    }

    private static CheckBuilder startsWithExtM3u() {
        return bodyString().transform(body -> body.startsWith("#EXTM3U")).is(true);
    }

    private static MediaPlaylist playlist(Session session) {
        return MediaPlaylist.parse(session.getString("variant"), session.getString("playlist"));
    }
}
