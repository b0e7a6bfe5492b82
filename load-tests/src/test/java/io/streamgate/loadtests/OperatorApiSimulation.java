package io.streamgate.loadtests;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * Operators work with the operator API (list, create, read, replace with a change, delete, and see it gone) while
 * viewers play the project's other streams: configuration churn must not hurt playback, and playback load must not
 * hurt the API. Run: {@code ./mvnw -pl load-tests gatling:test
 * -Dgatling.simulationClass=io.streamgate.loadtests.OperatorApiSimulation}.
 */
public class OperatorApiSimulation extends Simulation {

    private final Target target = Target.fromProperties();
    private final double rate = SimulationProperties.positive("operator.rate", 1);
    private final Duration duration = SimulationProperties.duration("operator.duration", Duration.ofSeconds(60));
    private final Duration think = SimulationProperties.duration("operator.think", Duration.ofSeconds(1));
    private final int players = SimulationProperties.integer("player.count", 100, 0);
    private final Duration ramp = SimulationProperties.duration("player.ramp", Duration.ofSeconds(20));
    private final CloudFixture.Layout layout = new CloudFixture.Layout(
            "ops",
            1,
            SimulationProperties.integer("player.streams", 3, 1),
            SimulationProperties.integer("player.signed", 1, 0));

    private final CloudFixture fixture = new CloudFixture(target);
    private final ViewerFeeder viewers = new ViewerFeeder();

    {
        ScenarioBuilder players =
                HlsPlayer.viewers("players", viewers, HlsPlayer.VariantChoice.RANDOM, 3, duration.plus(ramp));
        setUp(
                        operators()
                                .injectOpen(constantUsersPerSec(rate).during(duration))
                                .protocols(operatorProtocol()),
                        players.injectOpen(rampUsers(this.players).during(ramp)).protocols(HlsPlayer.protocol(target)))
                .assertions(global().failedRequests().count().is(0L));
    }

    private ScenarioBuilder operators() {
        String created = "{\"inputs\":[{\"url\":\"fake://#{opStream}\"}]}";
        String changed = "{\"inputs\":[{\"url\":\"fake://#{opStream}-v2\"}],\"playback_mode\":\"redirect\"}";
        return scenario("operators")
                .exec(session -> session.set("apiKey", fixture.project(0).apiKey())
                        .set("opStream", "op-" + target.runId() + "-" + session.userId()))
                .exec(http("list streams")
                        .get("/api/v1/streams")
                        .check(status().is(200), jsonPath("$.streams").exists()))
                .pause(think)
                .exec(http("create stream")
                        .put("/api/v1/streams/#{opStream}")
                        .body(StringBody(created))
                        .check(status().is(201), jsonPath("$.name").isEL("#{opStream}")))
                .pause(think)
                .exec(http("get stream")
                        .get("/api/v1/streams/#{opStream}")
                        .check(status().is(200), jsonPath("$.inputs[0].url").isEL("fake://#{opStream}")))
                .pause(think)
                .exec(http("update stream")
                        .put("/api/v1/streams/#{opStream}")
                        .body(StringBody(changed))
                        .check(
                                status().is(200),
                                jsonPath("$.playback_mode").is("redirect"),
                                jsonPath("$.inputs[0].url").isEL("fake://#{opStream}-v2")))
                .pause(think)
                .exec(http("delete stream")
                        .delete("/api/v1/streams/#{opStream}")
                        .check(status().is(204)))
                .exec(http("get deleted stream")
                        .get("/api/v1/streams/#{opStream}")
                        .check(status().is(404)));
    }

    private HttpProtocolBuilder operatorProtocol() {
        return http.baseUrl(target.control().toString())
                .header("Authorization", "Bearer #{apiKey}")
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("StreamGate-load-tests (Gatling)")
                .disableWarmUp();
    }

    @Override
    public void before() {
        System.out.printf(
                "[load-tests] OperatorApiSimulation: %s operator(s)/s for %s (think %s) while %d players play %s%n",
                rate, duration, think, players, layout);
        viewers.fill(fixture.create(layout));
    }

    @Override
    public void after() {
        fixture.delete();
    }
}
