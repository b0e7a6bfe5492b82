package io.streamgate.system;

import static io.streamgate.system.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 3 across the real cloud: auth backends configured through the operator API reach the gateways through the
 * snapshot and guard playback; a third party's plugin jar dropped into the running cloud works after a reload.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginAuthIntegrationTests {

    private static final String DOMAIN = "play.club.test";

    private Cloud cloud;
    private String key;
    private HttpServer authService;
    private final List<String> authQueries = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startTheCloud() throws Exception {
        cloud = Cloud.start("plugin-auth");
        for (int i = 0; i < cloud.simUrls.size(); i++) {
            assertThat(Http.post(
                                    cloud.controlUrl + "/admin/v1/streamers",
                                    Cloud.ADMIN_TOKEN,
                                    "{\"name\": \"sim-" + (i + 1) + "\", \"base_url\": \"" + cloud.simUrls.get(i)
                                            + "\"}")
                            .statusCode())
                    .isEqualTo(201);
        }
        HttpResponse<String> project = Http.post(
                cloud.controlUrl + "/admin/v1/projects",
                Cloud.ADMIN_TOKEN,
                "{\"name\": \"club\", \"domains\": [\"" + DOMAIN + "\"]}");
        assertThat(project.statusCode()).isEqualTo(201);
        key = json(project).get("api_key").asString();

        // The operator's own authorization service, Flussonic-style: 2xx allows, anything else denies.
        authService = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        authService.createContext("/auth", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            authQueries.add(query);
            exchange.sendResponseHeaders(query != null && query.contains("token=letmein") ? 200 : 403, -1);
            exchange.close();
        });
        authService.start();
    }

    @AfterAll
    void stopTheCloud() throws Exception {
        if (authService != null) {
            authService.stop(0);
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    @Order(1)
    void aSignedLinkPlaysWhileNoTokenOrATamperedOneIs403() throws Exception {
        put(
                "/api/v1/auth-backends/links",
                "{\"type\": \"token\", \"settings\": {\"keys\": {\"k1\": \"" + "s".repeat(32) + "\"}}}");
        put("/api/v1/streams/paid", "{\"inputs\": [{\"url\": \"fake://paid\"}], \"auth_chain\": [\"links\"]}");

        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(
                        () -> assertThat(play("/paid/index.m3u8").statusCode()).isEqualTo(403));
        HttpResponse<String> minted = Http.post(
                cloud.controlUrl + "/api/v1/streams/paid/signed-links",
                key,
                "{\"backend\": \"links\", \"expires_in\": \"10m\"}");
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
        String token = json(minted).get("token").asString();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        play("/paid/index.m3u8?token=" + token).statusCode())
                .isEqualTo(200));
        String tampered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        HttpResponse<String> denied = play("/paid/index.m3u8?token=" + tampered);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).isEmpty();

        // The token is asked for once, at the master playlist; variants and segments carry the gateway's signature.
        String url = cloud.gatewayUrl + "/"
                + json(Http.get(cloud.controlUrl + "/api/v1/project", key))
                        .get("id")
                        .asString()
                + "_paid/index.m3u8?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        assertThat(Ffmpeg.decodedVideoFrames(url, 3)).isGreaterThanOrEqualTo(25);
    }

    @Test
    @Order(2)
    void theOperatorsHttpAuthServiceDecides() {
        put(
                "/api/v1/auth-backends/callback",
                "{\"type\": \"http\", \"settings\": {\"url\": \"http://127.0.0.1:"
                        + authService.getAddress().getPort() + "/auth\"}, \"failure_policy\": \"closed\"}");
        put("/api/v1/streams/members", "{\"inputs\": [{\"url\": \"fake://m\"}], \"auth_chain\": [\"callback\"]}");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        play("/members/index.m3u8?token=letmein").statusCode())
                .isEqualTo(200));
        assertThat(play("/members/index.m3u8?token=nope").statusCode()).isEqualTo(403);
        assertThat(authQueries).anySatisfy(query -> assertThat(query)
                .contains("name=members")
                .contains("token=letmein")
                .contains("ip=127.0.0.1"));
    }

    @Test
    @Order(3)
    void aThirdPartyPluginDroppedIntoTheRunningCloudWorksAfterAReload() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).getDayOfWeek().name();
        String otherDay = LocalDate.now(ZoneOffset.UTC).getDayOfWeek().plus(3).name();
        String weekday = "{\"type\": \"weekday\", \"settings\": {\"days\": [\"%s\"]}}";

        HttpResponse<String> unknown =
                Http.put(cloud.controlUrl + "/api/v1/auth-backends/weekdays", key, String.format(weekday, today));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("type");

        Path jar = Path.of(System.getProperty("streamgate.drop-in.directory", "target/drop-in"))
                .resolve("weekday-auth.jar");
        Files.copy(jar, cloud.pluginsFolder.resolve("weekday-auth.jar"), StandardCopyOption.REPLACE_EXISTING);
        for (String admin : List.of(cloud.controlUrl, cloud.gatewayManagementUrl, cloud.pollingGatewayManagementUrl)) {
            HttpResponse<String> reload = Http.send(Http.request(admin + "/admin/v1/plugins/reload")
                    .header("Authorization", "Bearer " + Cloud.ADMIN_TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertThat(reload.statusCode()).as(admin + ": " + reload.body()).isEqualTo(200);
            assertThat(reload.body()).contains("weekday");
        }

        put("/api/v1/auth-backends/weekdays", String.format(weekday, today));
        put("/api/v1/streams/weekly", "{\"inputs\": [{\"url\": \"fake://w\"}], \"auth_chain\": [\"weekdays\"]}");
        await().atMost(Duration.ofSeconds(15))
                .untilAsserted(() ->
                        assertThat(play("/weekly/index.m3u8").statusCode()).isEqualTo(200));

        put("/api/v1/auth-backends/weekdays", String.format(weekday, otherDay));
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() ->
                        assertThat(play("/weekly/index.m3u8").statusCode()).isEqualTo(403));
        assertThat(DayOfWeek.valueOf(otherDay)).isNotEqualTo(DayOfWeek.valueOf(today));
    }

    private void put(String path, String body) {
        HttpResponse<String> response = Http.put(cloud.controlUrl + path, key, body);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isIn(200, 201);
    }

    private HttpResponse<String> play(String path) {
        return Http.play(cloud.gatewayUrl, DOMAIN, path);
    }
}
