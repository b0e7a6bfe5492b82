package io.streamgate.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

/** No STREAMGATE_PG_URL and no Redis: the embedded H2 default runs the same migrations and serves streams. */
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
            "streamgate.control.security.gateway-token=gateway-h2"
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
        WebTestClient http = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
        http.post()
                .uri("/admin/v1/streamers")
                .header(HttpHeaders.AUTHORIZATION, "Bearer admin-h2")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"only\", \"base_url\": \"" + SIM.baseUrl() + "\"}")
                .exchange()
                .expectStatus()
                .isCreated();
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
                .jsonPath("$.status.streamers.length()")
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
        assertThat(SIM.callsFor(project.get("id").asString())).hasSize(1);
    }
}
