package io.streamgate.gateway.playback;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.domain.name.StreamName;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlayPathTests {

    @Test
    void parsesMasterAndOtherPaths() {
        assertThat(PlayPath.parseOrNull("/live/index.m3u8")).isEqualTo(new PlayPath("live", "index.m3u8"));
        assertThat(PlayPath.parseOrNull("/123_live/tracks-v1/123.ts"))
                .isEqualTo(new PlayPath("123_live", "tracks-v1/123.ts"));
        assertThat(PlayPath.parseOrNull("/a/b/c/d/e.ts")).isEqualTo(new PlayPath("a", "b/c/d/e.ts"));
    }

    @Test
    void acceptsTheUniversalFormLongerThanAFlatName() {
        String universal = "1234567890123456789_" + "n".repeat(64);
        assertThat(PlayPath.parseOrNull("/" + universal + "/index.m3u8")).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/",
                "//index.m3u8",
                "/live",
                "/live/",
                "/live//index.m3u8",
                "/../index.m3u8",
                "/live/../index.m3u8",
                "/live/./index.m3u8",
                "/live/..",
                "/a%2fb/index.m3u8",
                "/live/a%2fb.m3u8",
                "/live%00/index.m3u8",
                "/live/index%00.m3u8",
                "/li ve/index.m3u8",
                "/live/in dex.m3u8",
                "/liv\u00e9/index.m3u8",
                "/live/ind\u00e9x.m3u8",
                "/.live/index.m3u8",
                "/-live/index.m3u8",
                "/live/a/b/c/d/e.ts",
                "/live/index.m3u8/",
                "live/index.m3u8"
            })
    void rejects(String path) {
        assertThat(PlayPath.parseOrNull(path)).isNull();
    }

    @Test
    void rejectsANameOf65CharactersAndAcceptsOneOf64() {
        assertThat(PlayPath.parseOrNull("/" + "a".repeat(65) + "/index.m3u8")).isNull();
        assertThat(PlayPath.parseOrNull("/" + "a".repeat(64) + "/index.m3u8")).isNotNull();
    }

    @Test
    void rejectsARestSegmentOver128Characters() {
        assertThat(PlayPath.parseOrNull("/live/" + "a".repeat(129))).isNull();
        assertThat(PlayPath.parseOrNull("/live/" + "a".repeat(128))).isNotNull();
    }

    @Property(tries = 300)
    void everyValidNameParses(@ForAll("validNames") String name) {
        assertThat(PlayPath.parseOrNull("/" + name + "/index.m3u8")).isEqualTo(new PlayPath(name, "index.m3u8"));
    }

    @Property(tries = 300)
    void noInvalidNameParses(@ForAll("invalidNames") String name) {
        assertThat(PlayPath.parseOrNull("/" + name + "/index.m3u8")).isNull();
    }

    @Provide
    Arbitrary<String> validNames() {
        Arbitrary<Character> first = Arbitraries.chars().alpha().numeric();
        Arbitrary<String> tail = Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars('.', '_', '-')
                .ofMinLength(0)
                .ofMaxLength(63);
        return net.jqwik.api.Combinators.combine(first, tail).as((c, t) -> c + t);
    }

    @Provide
    Arbitrary<String> invalidNames() {
        return Arbitraries.strings()
                .all()
                .ofMinLength(0)
                .ofMaxLength(90)
                .filter(name -> !StreamName.isValid(name)
                        && io.streamgate.domain.name.InternalStreamName.parseOrNull(name) == null
                        && name.indexOf('/') < 0);
    }
}
