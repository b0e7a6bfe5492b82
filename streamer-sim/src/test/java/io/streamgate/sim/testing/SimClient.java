package io.streamgate.sim.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.signing.PublishTokens;
import io.streamgate.domain.signing.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Drives one simulator on a real socket the way the orchestrator, a player and the collector do. */
public final class SimClient {

    /** The keys the integration tests start simulators with, and sign and mint with. */
    public static final String KEYS = "it:0123456789abcdef0123";

    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    public static final String BYTES_OUT = "streamer_stream_bytes_out_total";
    public static final String BYTES_IN = "streamer_stream_bytes_in_total";
    public static final String SESSION_START = "streamer_collection_session_start_milliseconds";

    private static final PlaybackSigner SIGNER = new PlaybackSigner(SigningKeys.parse(KEYS, null));
    private static final PublishTokens TOKENS = new PublishTokens(SigningKeys.parse(KEYS, null));

    private final String baseUrl;
    private final Clock clock;
    private final WebTestClient client;

    /** {@code clock} is the simulator's, so signatures and tokens are valid by its time. */
    public SimClient(int port, Clock clock) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.clock = clock;
        this.client = WebTestClient.bindToServer()
                .baseUrl(baseUrl)
                .responseTimeout(TIMEOUT)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
                .build();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public WebTestClient http() {
        return client;
    }

    public void putStream(String name, String url) {
        client.put()
                .uri("/streamer/api/v3/streams/{name}", name)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"" + name + "\", \"inputs\": [{\"url\": \"" + url + "\"}]}")
                .exchange()
                .expectStatus()
                .is2xxSuccessful();
    }

    /** A playback query string for the stream, valid ten minutes by the simulator's clock. */
    public String signed(String stream, String session) {
        return SIGNER.sign(stream, session, clock.instant().getEpochSecond() + 600);
    }

    /** A publish token for the stream, valid ten minutes by the simulator's clock. */
    public String publishToken(String stream) {
        return TOKENS.mint(stream, clock.instant().getEpochSecond() + 600);
    }

    /** GETs a playback path and returns the body; the status must be 200. */
    public byte[] play(String path) {
        byte[] body = client.get()
                .uri(baseUrl + path)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        return body == null ? new byte[0] : body;
    }

    public Map<String, Object> stats(String name) {
        Map<String, Object> stream = client.get()
                .uri("/streamer/api/v3/streams/{name}", name)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(stream).containsKey("stats");
        @SuppressWarnings("unchecked")
        Map<String, Object> stats = (Map<String, Object>) stream.get("stats");
        return stats;
    }

    /** A number from the stats, as a long whatever width JSON gave it. */
    public long stat(String name, String field) {
        Object value = stats(name).get(field);
        assertThat(value).as("stats.%s of %s", field, name).isInstanceOf(Number.class);
        return ((Number) value).longValue();
    }

    public Exposition metrics() {
        String text = client.get()
                .uri("/metrics")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return Exposition.parse(text == null ? "" : text);
    }

    /** The stream's counter in {@code /metrics}; the line must be there. */
    public long counter(String metric, String stream) {
        return metrics()
                .value(metric, "stream", stream)
                .orElseThrow(() -> new AssertionError(metric + " has no line for " + stream));
    }
}
