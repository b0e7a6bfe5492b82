package io.streamgate.gateway.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.domain.signing.PlaybackSigner;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViewerSessionTests {

    @Property
    void aPlacedSessionNamesItsStreamerAndKeepsItsIdentity(@ForAll @LongRange(min = 0) long streamerId) {
        String identity = ViewerSession.newIdentity();
        String session = ViewerSession.placed(identity, streamerId);

        assertThat(identity).hasSize(ViewerSession.IDENTITY_LENGTH);
        assertThat(PlaybackSigner.SESSION_ID.matcher(session).matches()).isTrue();
        assertThat(ViewerSession.streamerOf(session)).isEqualTo(streamerId);
        assertThat(ViewerSession.identityOf(session)).isEqualTo(identity);
        // Placed again on the same streamer, the id is the same string: a staying viewer's URLs do not change.
        assertThat(ViewerSession.placed(ViewerSession.identityOf(session), ViewerSession.streamerOf(session)))
                .isEqualTo(session);
    }

    @Property
    void anythingElseCarriesNoPlacement(@ForAll("notPlaced") String session) {
        assertThat(ViewerSession.streamerOf(session)).isEqualTo(ViewerSession.NONE);
    }

    @Provide
    Arbitrary<String> notPlaced() {
        Arbitrary<String> identity =
                Arbitraries.strings().withChars("ABCabc019-_").ofLength(ViewerSession.IDENTITY_LENGTH);
        return Arbitraries.oneOf(
                // too short to carry one
                Arbitraries.strings().withChars("ABCabc019-_").ofMaxLength(ViewerSession.IDENTITY_LENGTH),
                // a suffix that is not a plain decimal id: letters, a sign, a leading zero, too many digits
                identity.map(id -> id + "x1"),
                identity.map(id -> id + "-5"),
                identity.map(id -> id + "012"),
                identity.map(id -> id + "92233720368547758070"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Xk3v9QpL0aZt7wRe", "Xk3v9QpL0aZt7wRe0", "Xk3v9QpL0aZt7wRe9223372036854775807"})
    void acceptedShapes(String session) {
        assertThat(ViewerSession.identityOf(session)).isEqualTo("Xk3v9QpL0aZt7wRe");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "short", "Xk3v9QpL0aZt7wR.", "Xk3v9QpL0aZt7wRe9223372036854775808", "Xk3v9QpL0aZt7wRe01"})
    void refusedShapesAreNewViewers(String session) {
        assertThat(ViewerSession.identityOf(session)).isNull();
    }
}
