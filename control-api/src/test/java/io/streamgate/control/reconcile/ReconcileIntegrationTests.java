package io.streamgate.control.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.streamgate.control.Eventually;
import io.streamgate.control.OperatorApi;
import io.streamgate.control.OperatorApi.Answer;
import io.streamgate.control.RecordingStreamer;
import io.streamgate.control.TestServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The reconcile loop against four real streamers (HTTP servers on port 0 driven through the flussonic plugin jar) and
 * the real PostgreSQL and Redis: dead, draining and disabled streamers, capacity that returns, and streamers whose
 * config drifted. Intervals are small; every assertion waits for a state, never for a time.
 */
@Tag("integration")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReconcileIntegrationTests {

    static final String ADMIN = "admin-token-for-reconcile-tests";
    static final String GATEWAY = "gateway-token-for-reconcile-tests";
    static final String SCHEMA = TestServers.freshSchema();
    static final String CHANNEL = TestServers.freshChannel();
    static final Duration GRACE = Duration.ofSeconds(1);
    /** s1..s4 by name. */
    static final Map<String, RecordingStreamer> SIMS = new LinkedHashMap<>();

    static volatile boolean registered;

    static {
        for (int i = 1; i <= 4; i++) {
            SIMS.put("s" + i, new RecordingStreamer());
        }
    }

    @LocalServerPort
    int port;

    OperatorApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestServers.register(registry, SCHEMA, CHANNEL, ADMIN, GATEWAY);
        registry.add(
                "streamgate.control.plugins.folder",
                () -> Path.of("target", "plugins").toAbsolutePath().toString());
        registry.add("streamgate.control.streamer.poll-interval", () -> "100ms");
        registry.add("streamgate.control.streamer.request-timeout", () -> "300ms");
        registry.add("streamgate.control.streamer.dead-after", () -> "900ms");
        registry.add("streamgate.control.reconcile.interval", () -> "250ms");
        registry.add("streamgate.control.reconcile.drain-grace", () -> GRACE.toMillis() + "ms");
        // A streamer that answers again is tried again soon.
        registry.add("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", () -> "200ms");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        SIMS.values().forEach(RecordingStreamer::close);
        TestServers.dropSchema(SCHEMA);
    }

    @BeforeEach
    void setUp() {
        api = new OperatorApi(port, ADMIN, GATEWAY);
        if (!registered) {
            SIMS.forEach((name, sim) -> assertThat(api.admin(
                                    POST,
                                    "/admin/v1/streamers",
                                    "{\"name\": \"" + name + "\", \"base_url\": \"" + sim.baseUrl() + "\"}")
                            .status())
                    .isEqualTo(201));
            registered = true;
        }
        SIMS.keySet().forEach(this::awaitUp);
    }

    /** Every test leaves the four streamers as it found them: answering, live, active, anywhere, unlimited. */
    @AfterEach
    void restore() {
        SIMS.forEach((name, sim) -> {
            sim.answering(true);
            sim.streamsAlive(true);
            Answer answer = api.admin(
                    PATCH,
                    "/admin/v1/streamers/" + name,
                    "{\"state\": \"active\", \"region\": null, \"max_streams\": null, \"max_egress_mbps\": null}");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        });
        SIMS.keySet().forEach(this::awaitUp);
    }

    @Test
    void aDeadStreamersStreamsArePlacedElsewhereAndTheChangeIsAnnounced() {
        JsonNode project = api.createProject("dead", List.of());
        String key = project.get("api_key").asString();
        String id = project.get("id").asString();
        List<String> names = List.of("d0", "d1", "d2", "d3");
        names.forEach(name -> put(key, name, null));
        names.forEach(name -> awaitLiveOnTwo(key, name));
        String victim = active(key, "d0").iterator().next();
        Set<String> carried = new HashSet<>();
        names.stream().filter(name -> active(key, name).contains(victim)).forEach(carried::add);

        RedisClient redis = RedisClient.create(TestServers.REDIS_URL);
        try {
            ConcurrentLinkedQueue<Long> announced = new ConcurrentLinkedQueue<>();
            StatefulRedisPubSubConnection<String, String> connection = redis.connectPubSub();
            connection
                    .reactive()
                    .observeChannels()
                    .subscribe(message -> announced.add(Long.valueOf(message.getMessage())));
            connection.sync().subscribe(CHANNEL);
            long before = api.version();

            SIMS.get(victim).answering(false);
            for (String name : names) {
                Eventually.until(name + " off " + victim + " on two others", () -> {
                    Set<String> on = active(key, name);
                    return on.size() == 2
                            && !on.contains(victim)
                            && placements(key, name).size() == 2;
                });
            }
            for (String name : carried) {
                JsonNode events = api.call(GET, "/api/v1/streams/" + name + "/events", key, null)
                        .json()
                        .get("events");
                assertThat(has(events, victim, "removed", "streamer_down"))
                        .as(name)
                        .isTrue();
                assertThat(has(events, null, "placed", "repair")).as(name).isTrue();
            }
            long after = api.version();
            assertThat(after).isGreaterThan(before);
            Eventually.until("a version after the move announced", () -> announced.stream()
                    .anyMatch(v -> v > before));
            assertThat(streamerIds(api.snapshot(), names.get(0), id)).doesNotContain(streamerId(victim));
        } finally {
            redis.shutdown();
        }

        // Back again: nothing is placed on it any more, so the loop removes what it still runs of ours.
        SIMS.get(victim).answering(true);
        awaitUp(victim);
        for (String name : carried) {
            Eventually.until(
                    victim + " no longer runs " + name, () -> !SIMS.get(victim).runs(id + "_" + name));
        }
    }

    @Test
    void drainingMovesAStreamAwayOnlyOnceItIsLiveElsewhereAndTheGraceHasPassed() {
        JsonNode project = api.createProject("drain", List.of());
        String key = project.get("api_key").asString();
        String internal = project.get("id").asString() + "_show";
        put(key, "show", null);
        awaitLiveOnTwo(key, "show");
        String drained = active(key, "show").iterator().next();
        // Nowhere else is the stream live yet: the drained streamer's viewers have nowhere to go.
        SIMS.forEach((name, sim) -> sim.streamsAlive(name.equals(drained)));

        assertThat(api.admin(PATCH, "/admin/v1/streamers/" + drained, "{\"state\": \"draining\"}")
                        .status())
                .isEqualTo(200);
        Eventually.until("leaving with two active replicas", () -> {
            Map<String, String> placed = placements(key, "show");
            return "leaving".equals(placed.get(drained))
                    && placed.values().stream().filter("active"::equals).count() == 2;
        });
        JsonNode events =
                api.call(GET, "/api/v1/streams/show/events", key, null).json().get("events");
        assertThat(has(events, drained, "leaving", "draining")).isTrue();
        Instant leftAt =
                Instant.parse(find(events, drained, "leaving").get("at").asString());
        // Gateways keep sending players to a leaving placement: it is still in the snapshot.
        assertThat(streamerIds(api.snapshot(), "show", project.get("id").asString()))
                .contains(streamerId(drained));

        // The grace passes, and rounds keep running, but with the stream live only there the placement stays.
        Eventually.until("grace over", () -> Instant.now().isAfter(leftAt.plus(GRACE)));
        double rounds = leaderRounds();
        Eventually.until("three more rounds", () -> leaderRounds() >= rounds + 3);
        assertThat(placements(key, "show")).containsEntry(drained, "leaving");
        assertThat(SIMS.get(drained).runs(internal)).isTrue();

        SIMS.values().forEach(sim -> sim.streamsAlive(true));
        Eventually.until("drained", () -> !placements(key, "show").containsKey(drained));
        events = api.call(GET, "/api/v1/streams/show/events", key, null).json().get("events");
        assertThat(has(events, drained, "removed", "drained")).isTrue();
        assertThat(active(key, "show")).hasSize(2).doesNotContain(drained);
        Eventually.until("config removed from the drained streamer", () -> !SIMS.get(drained)
                .runs(internal));
    }

    @Test
    void aDisabledStreamerLosesItsPlacementsAtOnce() {
        JsonNode project = api.createProject("disable", List.of());
        String key = project.get("api_key").asString();
        String internal = project.get("id").asString() + "_cam";
        put(key, "cam", null);
        awaitLiveOnTwo(key, "cam");
        String disabled = active(key, "cam").iterator().next();

        assertThat(api.admin(PATCH, "/admin/v1/streamers/" + disabled, "{\"state\": \"disabled\"}")
                        .status())
                .isEqualTo(200);
        Eventually.until("moved off " + disabled, () -> {
            Map<String, String> placed = placements(key, "cam");
            return !placed.containsKey(disabled) && placed.size() == 2;
        });
        JsonNode events =
                api.call(GET, "/api/v1/streams/cam/events", key, null).json().get("events");
        assertThat(has(events, disabled, "removed", "disabled")).isTrue();
        assertThat(has(events, disabled, "leaving", null)).isFalse();
        Eventually.until("config removed from the disabled streamer", () -> !SIMS.get(disabled)
                .runs(internal));
    }

    @Test
    void streamsAreToppedUpWhenCapacityReturns() {
        try (RecordingStreamer small = new RecordingStreamer();
                RecordingStreamer late = new RecordingStreamer()) {
            try {
                assertThat(api.admin(
                                        POST,
                                        "/admin/v1/streamers",
                                        "{\"name\": \"small\", \"base_url\": \"" + small.baseUrl()
                                                + "\", \"region\": \"cap-test\", \"max_streams\": 1}")
                                .status())
                        .isEqualTo(201);
                awaitUp("small");
                JsonNode project = api.createProject("capacity", List.of());
                String key = project.get("api_key").asString();
                Answer first = put(key, "c1", "cap-test");
                assertThat(first.json().get("region").asString()).isEqualTo("cap-test");
                assertThat(placements(key, "c1")).containsOnlyKeys("small");
                // No room anywhere in the region: placed nowhere, and still created.
                assertThat(put(key, "c2", "cap-test").status()).isEqualTo(201);
                assertThat(placements(key, "c2")).isEmpty();

                assertThat(api.admin(
                                        POST,
                                        "/admin/v1/streamers",
                                        "{\"name\": \"late\", \"base_url\": \"" + late.baseUrl()
                                                + "\", \"region\": \"cap-test\"}")
                                .status())
                        .isEqualTo(201);
                Eventually.until(
                        "c1 on two", () -> placements(key, "c1").keySet().equals(Set.of("small", "late")));
                Eventually.until(
                        "c2 on late", () -> placements(key, "c2").keySet().equals(Set.of("late")));
                assertThat(api.admin(PATCH, "/admin/v1/streamers/small", "{\"max_streams\": 2}")
                                .status())
                        .isEqualTo(200);
                Eventually.until(
                        "c2 on two", () -> placements(key, "c2").keySet().equals(Set.of("small", "late")));
                JsonNode events = api.call(GET, "/api/v1/streams/c2/events", key, null)
                        .json()
                        .get("events");
                assertThat(has(events, "small", "placed", "repair")).isTrue();
                assertThat(has(events, "late", "placed", "repair")).isTrue();
                Eventually.until(
                        "c2 pushed to both",
                        () -> small.runs(project.get("id").asString() + "_c2")
                                && late.runs(project.get("id").asString() + "_c2"));
            } finally {
                api.admin(DELETE, "/admin/v1/streamers/small", null);
                api.admin(DELETE, "/admin/v1/streamers/late", null);
            }
        }
    }

    @Test
    void lostConfigIsPushedAgainAndStrayStreamsOfOursRemovedButOthersUntouched() {
        JsonNode project = api.createProject("drift", List.of());
        String key = project.get("api_key").asString();
        String id = project.get("id").asString();
        put(key, "feed", null);
        awaitLiveOnTwo(key, "feed");
        String name = active(key, "feed").iterator().next();
        RecordingStreamer sim = SIMS.get(name);

        sim.lose(id + "_feed");
        Eventually.until("pushed again", () -> sim.runs(id + "_feed"));

        sim.configure(id + "_ghost", "fake://ghost");
        sim.configure("999999999_not-ours", "fake://x");
        sim.configure("studio-feed", "rtmp://studio/live");
        Eventually.until("stray removed", () -> !sim.runs(id + "_ghost"));
        double rounds = leaderRounds();
        Eventually.until("three more rounds", () -> leaderRounds() >= rounds + 3);
        assertThat(sim.runs("999999999_not-ours")).isTrue();
        assertThat(sim.runs("studio-feed")).isTrue();
        assertThat(sim.calls())
                .filteredOn(call -> call.method().equals("DELETE"))
                .extracting(RecordingStreamer.Call::name)
                .contains(id + "_ghost")
                .doesNotContain("999999999_not-ours", "studio-feed");
        sim.lose("999999999_not-ours");
        sim.lose("studio-feed");
    }

    @Test
    void theOperatorViewShowsWherePlacedWhereLiveAndTheBytes() {
        JsonNode project = api.createProject("view", List.of());
        String key = project.get("api_key").asString();
        String internal = project.get("id").asString() + "_tv";
        put(key, "tv", null);
        awaitLiveOnTwo(key, "tv");
        List<String> on = new ArrayList<>(active(key, "tv"));
        SIMS.get(on.get(0)).counted(internal, 1_000, 250_000);
        SIMS.get(on.get(1)).streamsAlive(false);
        JsonNode status = Eventually.get("counters and one live", () -> {
            JsonNode seen =
                    api.call(GET, "/api/v1/streams/tv", key, null).json().get("status");
            JsonNode first = placementOf(seen, on.get(0));
            return first.get("bytes_out").asLong() == 250_000
                            && seen.get("live_on").size() == 1
                    ? seen
                    : null;
        });
        assertThat(status.get("alive").asBoolean()).isTrue();
        assertThat(status.get("live_on").get(0).asString()).isEqualTo(on.get(0));
        JsonNode live = placementOf(status, on.get(0));
        assertThat(live.get("bytes_in").asLong()).isEqualTo(1_000);
        assertThat(live.get("up").asBoolean()).isTrue();
        assertThat(live.get("alive").asBoolean()).isTrue();
        assertThat(live.get("input").asString()).isEqualTo("receiving");
        assertThat(live.get("online_clients").asLong()).isEqualTo(1);
        assertThat(live.get("region").isNull()).isTrue();
        JsonNode waiting = placementOf(status, on.get(1));
        assertThat(waiting.get("alive").asBoolean()).isFalse();
        assertThat(waiting.get("input").asString()).isEqualTo("waiting");
        assertThat(waiting.get("bytes_out").asLong()).isZero();
    }

    @Test
    void aStreamTheStreamerCannotRunStaysPlacedAndIsSkipped() throws Exception {
        JsonNode project = api.createProject("unsupported", List.of());
        String key = project.get("api_key").asString();
        String id = project.get("id").asString();
        put(key, "odd", null);
        awaitLiveOnTwo(key, "odd");
        // An input no driver can run (stored before today's validation, say): the driver refuses it on every push.
        try (Connection connection = TestServers.jdbc(SCHEMA);
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE streams SET inputs = '[{\"url\": \"no-scheme\"}]' WHERE project_id = ? AND name = ?")) {
            update.setLong(1, Long.parseLong(id));
            update.setString(2, "odd");
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        String name = active(key, "odd").iterator().next();
        double before = metric("streamgate.control.reconcile.failures?tag=operation:unsupported");
        SIMS.get(name).lose(id + "_odd");
        Eventually.until(
                "refused by the driver",
                () -> metric("streamgate.control.reconcile.failures?tag=operation:unsupported") > before);
        double rounds = leaderRounds();
        Eventually.until("three more rounds", () -> leaderRounds() >= rounds + 3);
        assertThat(active(key, "odd")).contains(name).hasSize(2);
        assertThat(SIMS.get(name).runs(id + "_odd")).isFalse();
    }

    private Answer put(String key, String name, String region) {
        String body = "{\"inputs\": [{\"url\": \"fake://" + name + "\"}]"
                + (region == null ? "" : ", \"region\": \"" + region + "\"") + "}";
        Answer answer = api.call(PUT, "/api/v1/streams/" + name, key, body);
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        return answer;
    }

    private void awaitUp(String name) {
        Eventually.until(name + " up", () -> api.admin(GET, "/admin/v1/streamers/" + name, null)
                .json()
                .get("health")
                .get("up")
                .asBoolean());
    }

    private void awaitLiveOnTwo(String key, String name) {
        Eventually.until(name + " live on two", () -> {
            JsonNode status =
                    api.call(GET, "/api/v1/streams/" + name, key, null).json().get("status");
            return status.get("live_on").size() == 2;
        });
    }

    /** Streamer name → placement state. */
    private Map<String, String> placements(String key, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode status =
                api.call(GET, "/api/v1/streams/" + name, key, null).json().get("status");
        for (JsonNode placement : status.get("placements")) {
            out.put(placement.get("streamer").asString(), placement.get("state").asString());
        }
        return out;
    }

    private Set<String> active(String key, String name) {
        Set<String> out = new HashSet<>();
        placements(key, name).forEach((streamer, state) -> {
            if (state.equals("active")) {
                out.add(streamer);
            }
        });
        return out;
    }

    private double leaderRounds() {
        return metric("streamgate.control.reconcile.rounds?tag=outcome:leader");
    }

    /** A counter's value from the actuator; 0 before it first counts. */
    private double metric(String nameAndTags) {
        Answer answer = api.call(GET, "/actuator/metrics/" + nameAndTags, "unused", null);
        return answer.status() == 200
                ? answer.json().get("measurements").get(0).get("value").asDouble()
                : 0;
    }

    private long streamerId(String name) {
        return Long.parseLong(api.admin(GET, "/admin/v1/streamers/" + name, null)
                .json()
                .get("id")
                .asString());
    }

    private static List<Long> streamerIds(JsonNode snapshot, String stream, String projectId) {
        for (JsonNode entry : snapshot.get("streams")) {
            if (entry.get("name").asString().equals(stream)
                    && entry.get("project_id").asString().equals(projectId)) {
                List<Long> ids = new ArrayList<>();
                entry.get("placements").forEach(id -> ids.add(id.asLong()));
                return ids;
            }
        }
        throw new AssertionError("stream " + stream + " not in the snapshot");
    }

    private static JsonNode placementOf(JsonNode status, String streamer) {
        for (JsonNode placement : status.get("placements")) {
            if (placement.get("streamer").asString().equals(streamer)) {
                return placement;
            }
        }
        throw new AssertionError(streamer + " not among " + status);
    }

    private static JsonNode find(JsonNode events, String streamer, String action) {
        for (JsonNode event : events) {
            if (event.get("streamer").asString().equals(streamer)
                    && event.get("action").asString().equals(action)) {
                return event;
            }
        }
        throw new AssertionError("no " + action + " event for " + streamer + " in " + events);
    }

    /** Whether an event matches; a null streamer or reason matches any. */
    private static boolean has(JsonNode events, String streamer, String action, String reason) {
        for (JsonNode event : events) {
            if ((streamer == null || event.get("streamer").asString().equals(streamer))
                    && event.get("action").asString().equals(action)
                    && (reason == null || event.get("reason").asString().equals(reason))) {
                return true;
            }
        }
        return false;
    }
}
