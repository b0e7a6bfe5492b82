package io.streamgate.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import io.streamgate.control.OperatorApi.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * No STREAMGATE_PG_URL and no Redis: the embedded H2 default runs the same migrations and serves streams and the
 * resource catalog.
 */
@Tag("integration")
// Each class runs control-api against its own schema and streamers: close it afterwards so its pollers and
// plugin host do not keep running beside the next class's.
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "streamgate.control.storage.url=",
            "streamgate.control.events.redis-url=",
            "streamgate.control.security.admin-token=admin-h2",
            "streamgate.control.security.gateway-token=gateway-h2",
            "streamgate.control.plugins.folder=target/plugins",
            "streamgate.control.streamer.poll-interval=100ms",
            "streamgate.control.reconcile.interval=200ms"
        })
class EmbeddedDatabaseIntegrationTests {

    static final RecordingStreamer SIM = new RecordingStreamer();

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        SIM.close();
    }

    @Test
    void sameMigrationsRunAndAStreamCanBeCreated() {
        WebTestClient http = TestServers.client(port);
        http.post()
                .uri("/admin/v1/streamers")
                .header(HttpHeaders.AUTHORIZATION, "Bearer admin-h2")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"only\", \"base_url\": \"" + SIM.baseUrl() + "\"}")
                .exchange()
                .expectStatus()
                .isCreated();
        // Placement takes streamers that answer their polls.
        Eventually.until("streamer up", () -> JSON.readTree(http.get()
                        .uri("/admin/v1/streamers/only")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer admin-h2")
                        .exchange()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody())
                .get("health")
                .get("up")
                .asBoolean());
        JsonNode project = JsonMapper.builder()
                .build()
                .readTree(http.post()
                        .uri("/admin/v1/projects")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer admin-h2")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"name\": \"h2\", \"domains\": [\"h2.example.tv\"]}")
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody(String.class)
                        .returnResult()
                        .getResponseBody());
        String key = project.get("api_key").asString();
        http.put()
                .uri("/api/v1/streams/live")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"inputs\": [{\"url\": \"fake://h2\"}]}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.status.placements.length()")
                .isEqualTo(1);
        http.get()
                .uri("/api/v1/streams/live")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.inputs[0].url")
                .isEqualTo("fake://h2");
        http.get()
                .uri("/internal/v1/snapshot")
                .header(HttpHeaders.AUTHORIZATION, "Bearer gateway-h2")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isEqualTo(3)
                .jsonPath("$.streams[0].placements.length()")
                .isEqualTo(1);
        // The reconcile loop may push it again if its round saw the streamer before the first push landed.
        assertThat(SIM.callsFor(project.get("id").asString())).isNotEmpty().allMatch(call -> call.method()
                .equals("PUT"));
        // The reconcile loop elects itself leader through the lease table on H2 too.
        Eventually.until(
                "reconcile leader on H2",
                () -> JSON.readTree(http.get()
                                        .uri("/actuator/metrics/streamgate.control.reconcile.leader")
                                        .exchange()
                                        .expectBody(String.class)
                                        .returnResult()
                                        .getResponseBody())
                                .get("measurements")
                                .get(0)
                                .get("value")
                                .asDouble()
                        == 1.0);
    }

    @Test
    void theResourceCatalogIsSeededAndServedOnH2() {
        OperatorApi api = new OperatorApi(port, "admin-h2", "gateway-h2");
        JsonNode listed = api.admin(GET, "/admin/v1/resources", null).json().get("resources");
        assertThat(listed.findValuesAsString("name"))
                .containsSubsequence(
                        "api_calls",
                        "dvr_storage_byte_seconds",
                        "stream_seconds",
                        "traffic_out_bytes",
                        "viewer_seconds");
        assertThat(api.admin(GET, "/admin/v1/resources/dvr_storage_byte_seconds", null)
                        .json()
                        .get("method")
                        .asString())
                .isEqualTo("gauge");
        // The method check (a regular expression, see V4) holds on H2 for rows written after the migration.
        Answer created = api.admin(
                POST,
                "/admin/v1/resources",
                "{\"name\": \"h2_bytes\", \"method\": \"gauge\", \"unit\": \"byte_seconds\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.admin(
                                POST,
                                "/admin/v1/resources",
                                "{\"name\": \"h2_bytes\", \"method\": \"counter\", \"unit\": \"bytes\"}")
                        .status())
                .isEqualTo(409);
        Answer described = api.admin(PATCH, "/admin/v1/resources/h2_bytes", "{\"description\": \"On H2.\"}");
        assertThat(described.status()).as(described.body()).isEqualTo(200);
        assertThat(api.admin(GET, "/admin/v1/resources/h2_bytes", null)
                        .json()
                        .get("description")
                        .asString())
                .isEqualTo("On H2.");
        assertThat(api.admin(PATCH, "/admin/v1/resources/h2_bytes", "{\"unit\": \"bytes\"}")
                        .status())
                .isEqualTo(409);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
}
