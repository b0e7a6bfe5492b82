package io.streamgate.loadtests;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * A flash crowd: many viewers join one stream within seconds (the start of a match), each fetching the master playlist
 * from the gateway, a variant playlist from the streamer it was sent to and, by default, one segment. Run: {@code
 * ./mvnw -pl load-tests gatling:test -Dgatling.simulationClass=io.streamgate.loadtests.FlashCrowdSimulation}.
 */
public class FlashCrowdSimulation extends Simulation {

    private final Target target = Target.fromProperties();
    private final int viewerCount = SimulationProperties.integer("flash.viewers", 10_000, 1);
    private final Duration ramp = SimulationProperties.duration("flash.ramp", Duration.ofSeconds(10));
    private final int segments = SimulationProperties.integer("flash.segments", 1, 0);
    private final boolean signed = SimulationProperties.bool("flash.signed", false);
    private final HlsPlayer.VariantChoice variant =
            HlsPlayer.VariantChoice.parse("flash.variant", SimulationProperties.string("flash.variant", "random"));

    private final CloudFixture fixture = new CloudFixture(target);
    private final ViewerFeeder viewers = new ViewerFeeder();

    {
        setUp(scenario("flash crowd")
                        .feed(viewers)
                        .exec(HlsPlayer.join(variant, segments))
                        .injectOpen(rampUsers(viewerCount).during(ramp)))
                .protocols(HlsPlayer.protocol(target))
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        System.out.printf(
                "[load-tests] FlashCrowdSimulation: %d viewers over %s on one %s stream, %d segment(s) each, variant"
                        + " %s%n",
                viewerCount, ramp, signed ? "signed" : "public", segments, variant);
        viewers.fill(fixture.create(new CloudFixture.Layout("flash", 1, 1, signed ? 1 : 0)));
    }

    @Override
    public void after() {
        fixture.delete();
    }
}
