package io.streamgate.control.streamer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.streamgate.control.Eventually;
import io.streamgate.control.OperatorApi;
import io.streamgate.control.OperatorApi.Answer;
import io.streamgate.control.RecordingStreamer;
import io.streamgate.control.TestServers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The admin API for streamers over the real PostgreSQL and real streamers driven through the flussonic plugin jar. */
@Tag("integration")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StreamerAdminIntegrationTests {

    static final String ADMIN = "admin-token-for-streamer-tests";
    static final String GATEWAY = "gateway-token-for-streamer-tests";
    static final String SCHEMA = TestServers.freshSchema();
    static final RecordingStreamer SIM = new RecordingStreamer();
    static final String INVALID = "https://streamgate.io/problems/invalid-field";

    @LocalServerPort
    int port;

    OperatorApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestServers.register(registry, SCHEMA, TestServers.freshChannel(), ADMIN, GATEWAY);
        registry.add(
                "streamgate.control.plugins.folder",
                () -> Path.of("target", "plugins").toAbsolutePath().toString());
        registry.add("streamgate.control.streamer.poll-interval", () -> "100ms");
        // Placement repair is the reconcile tests' subject; here only the API changes placements.
        registry.add("streamgate.control.reconcile.interval", () -> "1h");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        SIM.close();
        TestServers.dropSchema(SCHEMA);
    }

    @BeforeEach
    void setUp() {
        api = new OperatorApi(port, ADMIN, GATEWAY);
    }

    @Test
    void registersWithEveryFieldAndHealthComesFromPolls() {
        SIM.configure("obs-1", "fake://a");
        SIM.configure("obs-2", "fake://b");
        long version = api.version();
        Answer created = api.admin(
                POST,
                "/admin/v1/streamers",
                "{\"name\": \"full\", \"base_url\": \"" + SIM.baseUrl() + "/\", \"region\": \"eu-west-1\","
                        + " \"max_streams\": 40, \"max_egress_mbps\": 900, \"state\": \"draining\","
                        + " \"driver\": \"flussonic\", \"driver_settings\": {\"rtmp_url\": \"rtmp://127.0.0.1:1935/live\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.get("id").isString()).isTrue();
        assertThat(body.get("base_url").asString()).isEqualTo(SIM.baseUrl());
        assertThat(body.get("region").asString()).isEqualTo("eu-west-1");
        assertThat(body.get("state").asString()).isEqualTo("draining");
        assertThat(body.get("driver").asString()).isEqualTo("flussonic");
        assertThat(body.get("driver_settings").get("rtmp_url").asString()).isEqualTo("rtmp://127.0.0.1:1935/live");
        assertThat(body.get("capacity").get("max_streams").asInt()).isEqualTo(40);
        assertThat(body.get("capacity").get("max_egress_mbps").asInt()).isEqualTo(900);
        // Registration looks at the streamer once, so streams created right after can be placed on it.
        assertThat(body.get("health").get("up").asBoolean()).isTrue();
        assertThat(body.get("health").get("last_seen").isString()).isTrue();
        assertThat(body.get("health").get("placements").asLong()).isZero();
        assertThat(api.version()).isGreaterThan(version);

        JsonNode health = Eventually.get("polled", () -> {
            JsonNode seen =
                    api.admin(GET, "/admin/v1/streamers/full", null).json().get("health");
            return seen.get("up").asBoolean() && seen.get("streams_alive").asInt() == 2 ? seen : null;
        });
        assertThat(health.get("last_seen").isString()).isTrue();
        assertThat(health.get("online_clients").asLong()).isEqualTo(2);
        assertThat(health.get("bitrate_kbps").asLong()).isEqualTo(2200);

        JsonNode entry = streamer(api.snapshot(), "full");
        assertThat(entry.get("region").asString()).isEqualTo("eu-west-1");
        assertThat(entry.get("state").asString()).isEqualTo("DRAINING");
        assertThat(entry.get("driver").asString()).isEqualTo("flussonic");
        assertThat(entry.get("driver_settings").get("rtmp_url").asString()).isEqualTo("rtmp://127.0.0.1:1935/live");

        Answer plain =
                api.admin(POST, "/admin/v1/streamers", "{\"name\": \"plain\", \"base_url\": \"http://127.0.0.1:1\"}");
        assertThat(plain.status()).isEqualTo(201);
        assertThat(plain.json().get("region").isNull()).isTrue();
        assertThat(plain.json().get("health").get("up").asBoolean())
                .as("nothing answers there")
                .isFalse();
        assertThat(plain.json().get("health").get("last_seen").isNull()).isTrue();
        assertThat(plain.json().get("state").asString()).isEqualTo("active");
        assertThat(plain.json().get("driver").asString()).isEqualTo("flussonic");
        assertThat(plain.json().get("driver_settings").isEmpty()).isTrue();
        assertThat(plain.json().get("capacity").get("max_streams").isNull()).isTrue();
        assertThat(plain.json().get("capacity").get("max_egress_mbps").isNull()).isTrue();
        JsonNode listed = api.admin(GET, "/admin/v1/streamers", null).json().get("streamers");
        assertThat(listed.findValuesAsString("name")).contains("full", "plain");
        assertThat(api.admin(DELETE, "/admin/v1/streamers/plain", null).status())
                .isEqualTo(204);
    }

    @Test
    void everyInvalidFieldIsA400NamingItAndNothingIsWritten() {
        long version = api.version();
        int streamers = api.admin(GET, "/admin/v1/streamers", null)
                .json()
                .get("streamers")
                .size();
        String ok = "\"name\": \"bad\", \"base_url\": \"http://127.0.0.1:1\"";
        record Bad(String body, String field) {}
        for (Bad bad : List.of(
                new Bad("{\"base_url\": \"http://127.0.0.1:1\"}", "name"),
                new Bad("{\"name\": \"a/b\", \"base_url\": \"http://127.0.0.1:1\"}", "name"),
                new Bad("{\"name\": \"bad\"}", "base_url"),
                new Bad("{\"name\": \"bad\", \"base_url\": \"ftp://127.0.0.1\"}", "base_url"),
                new Bad("{\"name\": \"bad\", \"base_url\": \"http://u:p@127.0.0.1\"}", "base_url"),
                new Bad("{" + ok + ", \"region\": \"EU\"}", "region"),
                new Bad("{" + ok + ", \"region\": \"-eu\"}", "region"),
                new Bad("{" + ok + ", \"region\": \"" + "a".repeat(65) + "\"}", "region"),
                new Bad("{" + ok + ", \"max_streams\": 0}", "max_streams"),
                new Bad("{" + ok + ", \"max_streams\": -3}", "max_streams"),
                new Bad("{" + ok + ", \"max_streams\": 1.5}", "max_streams"),
                new Bad("{" + ok + ", \"max_streams\": \"10\"}", "max_streams"),
                new Bad("{" + ok + ", \"max_streams\": 3000000000}", "max_streams"),
                new Bad("{" + ok + ", \"max_egress_mbps\": 0}", "max_egress_mbps"),
                new Bad("{" + ok + ", \"state\": \"paused\"}", "state"),
                new Bad("{" + ok + ", \"driver\": \"Not A Type\"}", "driver"),
                new Bad("{" + ok + ", \"driver\": \"nginx-rtmp-unknown\"}", "driver"),
                new Bad("{" + ok + ", \"driver_settings\": {\"bogus\": 1}}", "driver_settings.bogus"),
                new Bad(
                        "{" + ok + ", \"driver_settings\": {\"rtmp_url\": \"http://x/live\"}}",
                        "driver_settings.rtmp_url"),
                new Bad("{" + ok + ", \"driver_settings\": \"x\"}", "driver_settings"),
                new Bad("{" + ok + ", \"colour\": \"red\"}", "colour"))) {
            Answer answer = api.admin(POST, "/admin/v1/streamers", bad.body());
            assertThat(answer.status()).as(bad.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.problemType()).as(bad.body()).isEqualTo(INVALID);
            assertThat(answer.field()).as(bad.body()).isEqualTo(bad.field());
            assertThat(answer.json().get("detail").asString()).as(bad.body()).contains(bad.field());
        }
        Answer malformed = api.admin(POST, "/admin/v1/streamers", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemType()).isEqualTo("https://streamgate.io/problems/malformed-body");
        assertThat(api.admin(GET, "/admin/v1/streamers", null).json().get("streamers"))
                .hasSize(streamers);
        assertThat(api.version()).isEqualTo(version);
    }

    @Test
    void aTakenNameIsAConflictAndUnknownNamesAreNotFound() {
        String body = "{\"name\": \"twice\", \"base_url\": \"http://127.0.0.1:2\"}";
        assertThat(api.admin(POST, "/admin/v1/streamers", body).status()).isEqualTo(201);
        long version = api.version();
        Answer again = api.admin(POST, "/admin/v1/streamers", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("https://streamgate.io/problems/conflict");
        assertThat(again.field()).isEqualTo("name");
        assertThat(api.version()).isEqualTo(version);

        for (var method : List.of(GET, DELETE)) {
            Answer missing = api.admin(method, "/admin/v1/streamers/nobody", null);
            assertThat(missing.status()).as(method.name()).isEqualTo(404);
            assertThat(missing.problemType()).isEqualTo("https://streamgate.io/problems/not-found");
        }
        Answer patchMissing = api.admin(PATCH, "/admin/v1/streamers/nobody", "{\"region\": \"eu\"}");
        assertThat(patchMissing.status()).isEqualTo(404);
        assertThat(patchMissing.problemType()).isEqualTo("https://streamgate.io/problems/not-found");
        Answer badName = api.admin(GET, "/admin/v1/streamers/a%2Fb", null);
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.problemType()).isEqualTo("https://streamgate.io/problems/invalid-name");
        assertThat(api.version()).isEqualTo(version);
        assertThat(api.admin(DELETE, "/admin/v1/streamers/twice", null).status())
                .isEqualTo(204);
    }

    @Test
    void patchChangesOnlyTheFieldsItNames() {
        Answer created = api.admin(
                POST,
                "/admin/v1/streamers",
                "{\"name\": \"patched\", \"base_url\": \"http://127.0.0.1:3\", \"region\": \"eu\", \"max_streams\": 5}");
        assertThat(created.status()).isEqualTo(201);
        long version = api.version();

        Answer changed =
                api.admin(PATCH, "/admin/v1/streamers/patched", "{\"region\": \"us-east\", \"max_egress_mbps\": 100}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("region").asString()).isEqualTo("us-east");
        assertThat(changed.json().get("capacity").get("max_streams").asInt()).isEqualTo(5);
        assertThat(changed.json().get("capacity").get("max_egress_mbps").asInt())
                .isEqualTo(100);
        assertThat(changed.json().get("base_url").asString()).isEqualTo("http://127.0.0.1:3");
        assertThat(api.version()).isGreaterThan(version);

        Answer cleared = api.admin(
                PATCH,
                "/admin/v1/streamers/patched",
                "{\"max_streams\": null, \"region\": null, \"state\": \"disabled\", \"name\": \"patched\"}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().get("capacity").get("max_streams").isNull()).isTrue();
        assertThat(cleared.json().get("region").isNull()).isTrue();
        assertThat(cleared.json().get("state").asString()).isEqualTo("disabled");
        assertThat(cleared.json().get("capacity").get("max_egress_mbps").asInt())
                .isEqualTo(100);

        long before = api.version();
        record Bad(String body, String field) {}
        for (Bad bad : List.of(
                new Bad("{\"name\": \"renamed\"}", "name"),
                new Bad("{\"region\": \"EU\"}", "region"),
                new Bad("{\"max_streams\": 0}", "max_streams"),
                new Bad("{\"state\": \"gone\"}", "state"),
                new Bad("{\"base_url\": null}", "base_url"),
                new Bad("{\"driver\": \"unknown-driver\"}", "driver"),
                new Bad("{\"driver_settings\": {\"whip\": \"yes\"}}", "driver_settings.whip"),
                new Bad("{\"colour\": \"red\"}", "colour"),
                new Bad("[1, 2]", "body"))) {
            Answer answer = api.admin(PATCH, "/admin/v1/streamers/patched", bad.body());
            assertThat(answer.status()).as(bad.body()).isEqualTo(400);
            assertThat(answer.field()).as(bad.body()).isEqualTo(bad.field());
        }
        assertThat(api.version()).isEqualTo(before);
        JsonNode unchanged = api.admin(GET, "/admin/v1/streamers/patched", null).json();
        assertThat(unchanged.get("state").asString()).isEqualTo("disabled");
        assertThat(unchanged.get("driver").asString()).isEqualTo("flussonic");
        assertThat(api.admin(DELETE, "/admin/v1/streamers/patched", null).status())
                .isEqualTo(204);
    }

    @Test
    void deletingAStreamerRemovesItsPlacementsInOneChangeAndRecordsEvents() {
        try (RecordingStreamer doomed = new RecordingStreamer()) {
            assertThat(api.admin(
                                    POST,
                                    "/admin/v1/streamers",
                                    "{\"name\": \"doomed\", \"base_url\": \"" + doomed.baseUrl() + "\"}")
                            .status())
                    .isEqualTo(201);
            Eventually.until("doomed up", () -> api.admin(GET, "/admin/v1/streamers/doomed", null)
                    .json()
                    .get("health")
                    .get("up")
                    .asBoolean());
            JsonNode project = api.createProject("deletes", List.of());
            String key = project.get("api_key").asString();
            Answer stream = api.call(PUT, "/api/v1/streams/cam", key, "{\"inputs\": [{\"url\": \"fake://cam\"}]}");
            assertThat(stream.status()).isEqualTo(201);
            assertThat(stream.json().get("status").get("placements").findValuesAsString("streamer"))
                    .contains("doomed");
            assertThat(api.admin(GET, "/admin/v1/streamers/doomed", null)
                            .json()
                            .get("health")
                            .get("placements")
                            .asLong())
                    .isEqualTo(1);

            long version = api.version();
            assertThat(api.admin(DELETE, "/admin/v1/streamers/doomed", null).status())
                    .isEqualTo(204);
            assertThat(api.version()).isEqualTo(version + 1);
            assertThat(api.admin(GET, "/admin/v1/streamers/doomed", null).status())
                    .isEqualTo(404);
            assertThat(streamer(api.snapshot(), "doomed")).isNull();
            assertThat(api.call(GET, "/api/v1/streams/cam", key, null)
                            .json()
                            .get("status")
                            .get("placements")
                            .findValuesAsString("streamer"))
                    .doesNotContain("doomed");

            JsonNode events = api.call(GET, "/api/v1/streams/cam/events", key, null)
                    .json()
                    .get("events");
            assertThat(events.get(0).get("streamer").asString()).isEqualTo("doomed");
            assertThat(events.get(0).get("action").asString()).isEqualTo("removed");
            assertThat(events.get(0).get("reason").asString()).isEqualTo("streamer_deleted");
            assertThat(events.get(0).has("project_id")).isFalse();
            assertThat(events.findValuesAsString("reason")).contains("stream_saved");
            JsonNode latest = api.admin(GET, "/admin/v1/placement-events?limit=1", null)
                    .json()
                    .get("events");
            assertThat(latest).hasSize(1);
            assertThat(latest.get(0).get("project_id").asString())
                    .isEqualTo(project.get("id").asString());
            assertThat(latest.get(0).get("reason").asString()).isEqualTo("streamer_deleted");
            for (String limit : List.of("0", "1001", "abc", "-1")) {
                Answer bad = api.admin(GET, "/admin/v1/placement-events?limit=" + limit, null);
                assertThat(bad.status()).as(limit).isEqualTo(400);
                assertThat(bad.field()).isEqualTo("limit");
            }
            assertThat(api.call(GET, "/admin/v1/placement-events", "wrong", null)
                            .status())
                    .isEqualTo(401);

            // A foreign stream's events are answered exactly like those of a stream that does not exist.
            JsonNode other = api.createProject("other", List.of());
            Answer foreign = api.call(
                    GET, "/api/v1/streams/cam/events", other.get("api_key").asString(), null);
            assertThat(api.call(DELETE, "/api/v1/streams/cam", key, null).status())
                    .isEqualTo(204);
            Answer missing = api.call(GET, "/api/v1/streams/cam/events", key, null);
            assertThat(foreign.status()).isEqualTo(404);
            assertThat(foreign.body()).isEqualTo(missing.body());
        }
    }

    private static JsonNode streamer(JsonNode snapshot, String name) {
        for (JsonNode entry : snapshot.get("streamers")) {
            if (entry.get("name").asString().equals(name)) {
                return entry;
            }
        }
        return null;
    }
}
