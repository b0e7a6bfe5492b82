package io.streamgate.sim.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.sim.testing.MutableClock;
import io.streamgate.sim.usage.StreamCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import reactor.test.StepVerifier;

class StreamControllerTests {

    private final StreamStore store = new StreamStore();
    private final StreamCounters counters = new StreamCounters(new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
    private final StreamController controller =
            new StreamController(store, stream -> new StreamStats(true, 0, 100, false, 100, 0, 0, 0), counters);
    private final List<InputDefinition> fake = List.of(new InputDefinition("fake://x"));

    @Test
    void acceptsABodyNameEqualToThePathOrNone() {
        StepVerifier.create(controller.put("live", new StreamBody("live", fake)))
                .assertNext(response -> assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(controller.put("live", new StreamBody(null, fake)))
                .assertNext(response -> assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void rejectsABodyNameDifferentFromThePath() {
        StepVerifier.create(controller.put("live", new StreamBody("other", fake)))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(InvalidStreamException.class)
                        .hasMessageContaining("expected: the name in the path"))
                .verify(Duration.ofSeconds(5));
        assertThat(store.find("live")).isEmpty();
        assertThat(store.find("other")).isEmpty();
    }

    @Test
    void rejectsAnInvalidPathNameAndStoresNothing() {
        StepVerifier.create(controller.put("_bad", new StreamBody(null, fake)))
                .expectError(InvalidStreamException.class)
                .verify(Duration.ofSeconds(5));
        assertThat(store.all()).isEmpty();
    }

    @Test
    void problemDetailNamesTheField() {
        var problem = controller.invalid(new InvalidStreamException("inputs: empty (expected: at least one input)"));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType()).isEqualTo(StreamController.INVALID_STREAM);
        assertThat(problem.getDetail()).startsWith("inputs:");
    }
}
