package io.streamgate.loadtests;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Viewers of several projects, each under its own domain, play a mix of streams (some behind signed links) the way an
 * HLS player does, for a while. Run: {@code ./mvnw -pl load-tests gatling:test
 * -Dgatling.simulationClass=io.streamgate.loadtests.PlayerSimulation}; the properties are in {@code README.md}.
 */
public class PlayerSimulation extends Simulation {

    private final Target target = Target.fromProperties();
    private final int players = SimulationProperties.integer("player.count", 200, 1);
    private final Duration ramp = SimulationProperties.duration("player.ramp", Duration.ofSeconds(30));
    private final Duration watch = SimulationProperties.duration("player.watch", Duration.ofSeconds(60));
    private final CloudFixture.Layout layout = new CloudFixture.Layout(
            "play",
            SimulationProperties.integer("player.projects", 3, 1),
            SimulationProperties.integer("player.streams", 3, 1),
            SimulationProperties.integer("player.signed", 1, 0));
    private final HlsPlayer.VariantChoice variant =
            HlsPlayer.VariantChoice.parse("player.variant", SimulationProperties.string("player.variant", "random"));
    private final int joinSegments = SimulationProperties.integer("player.join-segments", 3, 0);

    private final CloudFixture fixture = new CloudFixture(target);
    private final ViewerFeeder viewers = new ViewerFeeder();

    {
        setUp(HlsPlayer.viewers("players", viewers, variant, joinSegments, watch)
                        .injectOpen(rampUsers(players).during(ramp)))
                .protocols(HlsPlayer.protocol(target))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        System.out.printf(
                "[load-tests] PlayerSimulation: %d players over %s, each watching %s; %s; variant %s, join with %d"
                        + " segment(s)%n",
                players, ramp, watch, layout, variant, joinSegments);
        viewers.fill(fixture.create(layout));
    }

    @Override
    public void after() {
        fixture.delete();
    }
}
