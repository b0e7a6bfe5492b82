package io.streamgate.system;

import static io.streamgate.system.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
 * Issue 4's faults, end to end with four streamer-sims and players that behave like HLS players: a streamer killed
 * with SIGKILL, a streamer drained, the control plane stopped. The cloud lives through the whole class; each test
 * starts its own players.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverIntegrationTests {

    private static final int STREAMS = 6;
    private static final int PLAYERS = 18;
    private static final Duration REFRESH = Duration.ofMillis(250);
    private static final Duration RECONCILE_INTERVAL = Duration.ofSeconds(1);
    private static final Duration DEAD_AFTER = Duration.ofSeconds(2);
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(2);

    private Cloud cloud;
    private String projectId;
    private String key;
    private final Map<String, String> streamerByUrl = new HashMap<>();

    @BeforeAll
    void startTheCloud() throws Exception {
        cloud = Cloud.start(
                "failover",
                new Cloud.Options(
                        4,
                        List.of(
                                "--streamgate.control.reconcile.interval=" + RECONCILE_INTERVAL.toMillis() + "ms",
                                "--streamgate.control.streamer.dead-after=" + DEAD_AFTER.toMillis() + "ms",
                                "--streamgate.control.reconcile.drain-grace=" + DRAIN_GRACE.toMillis() + "ms"),
                        List.of()));
        for (int i = 0; i < cloud.simUrls.size(); i++) {
            String name = "sim-" + (i + 1);
            HttpResponse<String> streamer = Http.post(
                    cloud.controlUrl + "/admin/v1/streamers",
                    Cloud.ADMIN_TOKEN,
                    "{\"name\": \"" + name + "\", \"base_url\": \"" + cloud.simUrls.get(i)
                            + "\", \"region\": \"eu-west\"}");
            assertThat(streamer.statusCode()).as(streamer.body()).isEqualTo(201);
            streamerByUrl.put(cloud.simUrls.get(i), name);
        }
        HttpResponse<String> project = Http.post(
                cloud.controlUrl + "/admin/v1/projects",
                Cloud.ADMIN_TOKEN,
                "{\"name\": \"failover\", \"domains\": [\"play.failover.test\"]}");
        assertThat(project.statusCode()).as(project.body()).isEqualTo(201);
        projectId = json(project).get("id").asString();
        key = json(project).get("api_key").asString();
        for (String stream : streamNames()) {
            HttpResponse<String> created =
                    Http.put(streamUrl(stream), key, "{\"inputs\": [{\"url\": \"fake://test\"}]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String stream : streamNames()) {
                JsonNode status = status(stream);
                assertThat(status.get("live_on")).as(stream + ": " + status).hasSize(2);
            }
        });
        // Players start only once both gateways have seen every stream live (their own polls, not control-api's).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String stream : internalNames()) {
                for (String gateway : List.of(cloud.gatewayUrl, cloud.pollingGatewayUrl)) {
                    HttpResponse<String> master = Http.send(
                            Http.request(gateway + "/" + stream + "/index.m3u8").GET());
                    assertThat(master.statusCode()).as(gateway + " " + stream).isEqualTo(200);
                }
            }
        });
    }

    @AfterAll
    void stopTheCloud() throws Exception {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    @Order(1)
    void killingAStreamerCostsAlmostNoPlayerRequestsAndItsStreamsAreRePlaced() throws Exception {
        Instant killedAt;
        Instant rePlacedAt = null;
        String victimUrl;
        Players players = new Players(cloud.gatewayUrl, internalNames(), PLAYERS, REFRESH).start();
        try {
            Thread.sleep(6_000);
            victimUrl = busiest(players.assignments());
            Set<String> carried = streamsPlacedOn(streamerByUrl.get(victimUrl));
            assertThat(carried).as("the victim carries streams with viewers").isNotEmpty();
            cloud.sims.get(cloud.simUrls.indexOf(victimUrl)).kill();
            killedAt = Instant.now();
            // Players keep playing for 12 s; meanwhile the placements are watched to time the reconcile loop.
            Instant end = killedAt.plusSeconds(12);
            while (Instant.now().isBefore(end)) {
                if (rePlacedAt == null && rePlaced(streamerByUrl.get(victimUrl))) {
                    rePlacedAt = Instant.now();
                }
                Thread.sleep(100);
            }
        } finally {
            players.close();
        }

        report("kill -9", players);
        assertThat(players.refreshes()).isGreaterThan(500);
        assertThat((double) players.failed() / players.refreshes())
                .as(
                        "failed refreshes after one retry: %s of %s, %s",
                        players.failed(), players.refreshes(), players.failures())
                .isLessThan(0.001);
        Instant settled = killedAt.plusSeconds(2);
        assertThat(players.assignments())
                .as("no session is sent to the killed streamer 2 s after the kill")
                .noneMatch(a -> a.streamer().equals(victimUrl) && a.at().isAfter(settled));
        assertSticky(players.assignments(), Set.of(victimUrl));

        String victim = streamerByUrl.get(victimUrl);
        assertThat(rePlacedAt)
                .as("every stream on two streamers again, none of them the killed one, within 12 s")
                .isNotNull();
        assertThat(Duration.between(killedAt, rePlacedAt))
                .as("dead after %s, then at most one reconcile interval and a poll", DEAD_AFTER)
                .isLessThan(DEAD_AFTER.plus(RECONCILE_INTERVAL).plusSeconds(3));
        for (String stream : streamNames()) {
            assertThat(placements(stream)).as(stream).hasSize(2).doesNotContain(victim);
        }
        System.out.printf(
                "[failover] streams of the killed streamer re-placed %d ms after the kill (dead-after %d ms,"
                        + " reconcile interval %d ms)%n",
                Duration.between(killedAt, rePlacedAt).toMillis(),
                DEAD_AFTER.toMillis(),
                RECONCILE_INTERVAL.toMillis());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (String stream : streamNames()) {
                assertThat(status(stream).get("live_on")).as(stream).hasSize(2);
            }
        });
        JsonNode events = json(Http.get(streamUrl(streamNames().get(0)) + "/events", key));
        assertThat(events.toString()).contains("placed");
    }

    @Test
    @Order(2)
    void drainingAStreamerMovesItsStreamsAwayWithoutAFailedPlayerRequest() throws Exception {
        String drainedUrl;
        Instant drainedAt;
        Players players = new Players(cloud.gatewayUrl, internalNames(), PLAYERS, REFRESH).start();
        try {
            Thread.sleep(5_000);
            drainedUrl = busiest(players.assignments());
            String drained = streamerByUrl.get(drainedUrl);
            HttpResponse<String> patched = Http.send(Http.request(cloud.controlUrl + "/admin/v1/streamers/" + drained)
                    .header("Authorization", "Bearer " + Cloud.ADMIN_TOKEN)
                    .header("Content-Type", "application/json")
                    .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"state\": \"draining\"}")));
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
            drainedAt = Instant.now();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String stream : streamNames()) {
                    assertThat(placements(stream)).as(stream).doesNotContain(drained);
                }
            });
            // Players that were on the drained streamer find out when it stops serving them, and come back.
            Thread.sleep(4_000);
        } finally {
            players.close();
        }
        report("drain", players);
        assertThat(players.failed())
                .as("failed refreshes after one retry: %s", players.failures())
                .isZero();
        Instant settled = drainedAt.plusSeconds(2);
        assertThat(players.assignments())
                .as("no new session goes to a draining streamer")
                .noneMatch(a -> a.streamer().equals(drainedUrl) && a.newSession() && a.at().isAfter(settled));
        for (String stream : streamNames()) {
            assertThat(status(stream).get("alive").asBoolean()).as(stream).isTrue();
        }
    }

    @Test
    @Order(3)
    void playbackGoesOnWhileTheControlPlaneIsDown() throws Exception {
        cloud.control.close();
        try {
            List<String> names = internalNames();
            Players redis = new Players(cloud.gatewayUrl, names, PLAYERS / 2, REFRESH).start();
            Players polling = new Players(cloud.pollingGatewayUrl, names, PLAYERS / 2, REFRESH).start();
            try {
                Thread.sleep(10_000);
            } finally {
                redis.close();
                polling.close();
            }
            report("control-api down, Redis gateway", redis);
            report("control-api down, polling gateway", polling);
            assertThat(redis.refreshes() + polling.refreshes()).isGreaterThan(300);
            assertThat(redis.failed()).as("%s", redis.failures()).isZero();
            assertThat(polling.failed()).as("%s", polling.failures()).isZero();
        } finally {
            cloud.control.start().awaitHealthy(Duration.ofSeconds(120));
        }
    }

    /** The figures of a run, for the record (the test log is where issue notes take them from). */
    private static void report(String what, Players players) {
        System.out.printf(
                "[failover] %s: %d refreshes, %d retried once, %d failed after the retry%n",
                what, players.refreshes(), players.retried(), players.failed());
    }

    /** Players whose streamer stayed healthy were never moved: every master answer for them named one streamer. */
    private static void assertSticky(List<Players.Assignment> assignments, Set<String> unhealthy) {
        Map<Integer, List<String>> byPlayer = new HashMap<>();
        for (Players.Assignment assignment : assignments) {
            if (assignment.newSession()) {
                byPlayer.put(assignment.player(), new ArrayList<>());
            }
            byPlayer.computeIfAbsent(assignment.player(), p -> new ArrayList<>())
                    .add(assignment.streamer());
        }
        int checked = 0;
        for (var entry : byPlayer.entrySet()) {
            Set<String> streamers = new HashSet<>(entry.getValue());
            if (entry.getValue().size() > 1 && streamers.stream().noneMatch(unhealthy::contains)) {
                assertThat(streamers)
                        .as("player " + entry.getKey() + " moved while healthy")
                        .hasSize(1);
                checked++;
            }
        }
        assertThat(checked)
                .as("players with repeated master requests on healthy streamers")
                .isGreaterThan(5);
    }

    /** The streamer most players were sent to. */
    private static String busiest(List<Players.Assignment> assignments) {
        return assignments.stream()
                .collect(Collectors.groupingBy(Players.Assignment::streamer, Collectors.counting()))
                .entrySet()
                .stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
    }

    /** Whether every stream is on two streamers again, none of them {@code dead}. */
    private boolean rePlaced(String dead) {
        for (String stream : streamNames()) {
            List<String> placed = placements(stream);
            if (placed.size() != 2 || placed.contains(dead)) {
                return false;
            }
        }
        return true;
    }

    private Set<String> streamsPlacedOn(String streamer) {
        Set<String> carried = new HashSet<>();
        for (String stream : streamNames()) {
            if (placements(stream).contains(streamer)) {
                carried.add(stream);
            }
        }
        return carried;
    }

    private List<String> placements(String stream) {
        List<String> names = new ArrayList<>();
        for (JsonNode placement : status(stream).get("placements")) {
            names.add(placement.get("streamer").asString());
        }
        return names;
    }

    private JsonNode status(String stream) {
        HttpResponse<String> answer = Http.get(streamUrl(stream), key);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer).get("status");
    }

    private static List<String> streamNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= STREAMS; i++) {
            names.add("channel-" + i);
        }
        return names;
    }

    private List<String> internalNames() {
        return streamNames().stream().map(name -> projectId + "_" + name).toList();
    }

    private String streamUrl(String stream) {
        return cloud.controlUrl + "/api/v1/streams/" + stream;
    }
}
