package io.streamgate.system;

import static io.streamgate.system.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamgate.domain.signing.PublishTokens;
import io.streamgate.domain.signing.SigningKeys;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * A real nginx-rtmp behind the nginx-rtmp driver: an encoder (Debian's ffmpeg) asks the operator API where to publish,
 * publishes a test pattern there with the signed token, and the stream goes live, plays through the gateway and
 * counts its bytes. Wrong, foreign and expired tokens are refused by nginx's on_publish call to control-api.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NginxRtmpIntegrationTests {

    private static final String REGION = "rtmp-lab";

    private Cloud cloud;
    private NginxRtmp nginx;
    private Process encoder;
    private Path logs;
    private String projectId;
    private String key;

    @BeforeAll
    void startTheCloudAndNginx() throws Exception {
        assertThat(NginxRtmp.installed())
                .as("nginx and libnginx-mod-rtmp are installed (.ci/run installs them)")
                .isTrue();
        cloud = Cloud.start("nginx-rtmp");
        logs = Path.of(System.getProperty("streamgate.logs.directory", "target/system-logs"))
                .resolve("nginx-rtmp")
                .toAbsolutePath();
        nginx = NginxRtmp.start(
                Files.createDirectories(logs.resolve("nginx")),
                cloud.controlUrl + "/streamer-callbacks/v1/on-publish?streamer=nginx-1");
        HttpResponse<String> streamer = Http.post(
                cloud.controlUrl + "/admin/v1/streamers",
                Cloud.ADMIN_TOKEN,
                "{\"name\": \"nginx-1\", \"base_url\": \"" + nginx.httpUrl() + "\", \"region\": \"" + REGION
                        + "\", \"driver\": \"nginx-rtmp\", \"driver_settings\": {\"rtmp_url\": \"" + nginx.rtmpUrl()
                        + "\"}}");
        assertThat(streamer.statusCode()).as(streamer.body()).isEqualTo(201);
        HttpResponse<String> project = Http.post(
                cloud.controlUrl + "/admin/v1/projects",
                Cloud.ADMIN_TOKEN,
                "{\"name\": \"rtmp\", \"domains\": [\"play.rtmp.test\"]}");
        assertThat(project.statusCode()).as(project.body()).isEqualTo(201);
        projectId = json(project).get("id").asString();
        key = json(project).get("api_key").asString();
        for (String name : new String[] {"cam", "other"}) {
            HttpResponse<String> created = Http.put(
                    streamUrl(name), key, "{\"inputs\": [{\"url\": \"publish://\"}], \"region\": \"" + REGION + "\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (encoder != null) {
            encoder.destroyForcibly();
            encoder.waitFor(10, TimeUnit.SECONDS);
        }
        if (nginx != null) {
            nginx.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    @Order(1)
    void anEncoderPublishesThroughThePublishUrlAndTheStreamGoesLive() throws Exception {
        HttpResponse<String> answer = Http.get(streamUrl("cam") + "/publish-url", key);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode publish = json(answer);
        assertThat(publish.get("streamer").asString()).isEqualTo("nginx-1");
        String rtmp = publish.get("urls").get(0).get("url").asString();
        assertThat(rtmp).startsWith(nginx.rtmpUrl() + "/" + projectId + "_cam?token=");

        encoder = Ffmpeg.publishTestPattern(rtmp, logs.resolve("ffmpeg-cam.log"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = json(Http.get(streamUrl("cam"), key)).get("status");
            assertThat(status.get("alive").asBoolean()).as(status.toString()).isTrue();
            assertThat(status.get("live_on").toString()).contains("nginx-1");
            assertThat(status.get("placements").get(0).get("input").asString()).isEqualTo("publishing");
        });
    }

    @Test
    @Order(2)
    void itPlaysThroughTheGateway() throws Exception {
        String url = cloud.gatewayUrl + "/" + projectId + "_cam/index.m3u8";
        // nginx-rtmp reports a stream as soon as the publisher is in; its HLS playlist appears with the first
        // finished fragment, a moment later. A player that came that early would retry; the test waits for it.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> master = Http.send(Http.request(url).GET());
            assertThat(master.statusCode()).as(master.body()).isEqualTo(200);
            assertThat(master.body()).contains(nginx.httpUrl() + "/" + projectId + "_cam/");
            String media = master.body()
                    .lines()
                    .filter(line -> line.startsWith("http"))
                    .findFirst()
                    .orElseThrow();
            HttpResponse<String> playlist = Http.send(Http.request(media).GET());
            assertThat(playlist.statusCode()).isEqualTo(200);
            assertThat(playlist.body()).contains("#EXTINF");
        });
        assertThat(Ffmpeg.decodedVideoFrames(url, 3))
                .as("frames decoded through the gateway")
                .isGreaterThan(25);
    }

    @Test
    @Order(3)
    void itsBytesAppearAsCounters() {
        long first = bytesIn();
        assertThat(first).isPositive();
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() -> assertThat(bytesIn()).isGreaterThan(first));
    }

    @Test
    @Order(4)
    void wrongForeignAndExpiredTokensAreRefused() throws Exception {
        String name = projectId + "_other";
        PublishTokens tokens = new PublishTokens(SigningKeys.parse(Cloud.SIGNING_KEYS, null));
        long now = Instant.now().getEpochSecond();
        String[] refused = {
            "p1.st1.9999999999.AAAA", tokens.mint(projectId + "_cam", now + 600), tokens.mint(name, now - 5),
        };
        for (String token : refused) {
            Process denied = Ffmpeg.publishTestPattern(
                    nginx.rtmpUrl() + "/" + name + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                    logs.resolve("ffmpeg-refused.log"));
            try {
                assertThat(denied.waitFor(30, TimeUnit.SECONDS))
                        .as("the refused encoder gives up")
                        .isTrue();
                assertThat(denied.exitValue()).isNotZero();
            } finally {
                denied.destroyForcibly();
            }
            JsonNode status = json(Http.get(streamUrl("other"), key)).get("status");
            assertThat(status.get("alive").asBoolean()).as(token).isFalse();
        }
        // The same name with a good token from the API is accepted: the refusals were about the tokens.
        String good = json(Http.get(streamUrl("other") + "/publish-url", key))
                .get("urls")
                .get(0)
                .get("url")
                .asString();
        Process accepted = Ffmpeg.publishTestPattern(good, logs.resolve("ffmpeg-other.log"));
        try {
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(json(Http.get(streamUrl("other"), key))
                                    .get("status")
                                    .get("alive")
                                    .asBoolean())
                            .isTrue());
        } finally {
            accepted.destroyForcibly();
            accepted.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private long bytesIn() {
        JsonNode placement = json(Http.get(streamUrl("cam"), key))
                .get("status")
                .get("placements")
                .get(0);
        return placement.get("bytes_in").asLong();
    }

    private String streamUrl(String name) {
        return cloud.controlUrl + "/api/v1/streams/" + name;
    }
}
