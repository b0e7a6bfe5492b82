package io.streamgate.sim.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.sim.testing.MutableClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CollectionSessionTests {

    private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_763_793_600_123L));

    @Test
    void theIdIsTheStartInMillisAndANonce() {
        CollectionSession session = CollectionSession.start(clock, new SplittableRandom(7));

        assertThat(session.startMillis()).isEqualTo(1_763_793_600_123L);
        assertThat(session.id()).matches("1763793600123-[0-9a-f]{16}");
    }

    @Test
    void startsInTheSameMillisecondStillGetDifferentIds() {
        SecureRandom random = new SecureRandom();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(CollectionSession.start(clock, random).id());
        }

        assertThat(ids).hasSize(1000);
    }

    @Test
    void refusesAnIdThatDoesNotStartWithItsStart() {
        assertThatThrownBy(() -> new CollectionSession("1-0123456789abcdef", 2))
                .hasMessageContaining("'1-0123456789abcdef'")
                .hasMessageContaining("expected: '2-'");
        assertThatThrownBy(() -> new CollectionSession("2-0123456789ABCDEF", 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CollectionSession("2-01234567", 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CollectionSession(null, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CollectionSession("-1-0123456789abcdef", -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
