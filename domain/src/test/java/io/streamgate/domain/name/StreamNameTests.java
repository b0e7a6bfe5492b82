package io.streamgate.domain.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamNameTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "Z9",
                "live_1",
                "cam.front-2",
                "0123456789012345678901234567890123456789012345678901234567890123"
            })
    void acceptsValidNames(String name) {
        assertThat(StreamName.isValid(name)).isTrue();
        assertThat(new StreamName(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "a/b",
                "..",
                ".hidden",
                "-a",
                "_a",
                "a b",
                "a%2fb",
                "a\u0000",
                "caf\u00e9",
                "a?b",
                "a#b",
                "01234567890123456789012345678901234567890123456789012345678901234"
            })
    void rejectsInvalidNamesWithAMessageThatNamesTheRule(String name) {
        assertThat(StreamName.isValid(name)).isFalse();
        assertThatThrownBy(() -> new StreamName(name))
                .isInstanceOf(InvalidNameException.class)
                .hasMessageContaining("expected: " + StreamName.PATTERN);
    }

    @Property
    void isValidAgreesWithThePattern(@ForAll @StringLength(max = 70) String candidate) {
        assertThat(StreamName.isValid(candidate))
                .isEqualTo(StreamName.pattern().matcher(candidate).matches());
    }

    @Property
    void internalNamesRoundTrip(
            @ForAll @net.jqwik.api.constraints.LongRange(min = 1) long projectId, @ForAll("names") String name) {
        InternalStreamName internal = InternalStreamName.of(projectId, name);
        assertThat(InternalStreamName.parseOrNull(internal.value())).isEqualTo(internal);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> names() {
        return net.jqwik.api.Arbitraries.strings()
                .withChars("abcXYZ019._-")
                .ofMinLength(1)
                .ofMaxLength(64)
                .filter(StreamName::isValid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_a", "0_a", "12", "12_", "12_/x", "x12_a", "99999999999999999999_a", "-1_a"})
    void rejectsMalformedInternalNames(String value) {
        assertThat(InternalStreamName.parseOrNull(value)).isNull();
    }
}
