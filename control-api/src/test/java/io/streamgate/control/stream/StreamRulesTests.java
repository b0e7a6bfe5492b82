package io.streamgate.control.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.control.web.FieldProblem;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamRulesTests {

    @Test
    void acceptsValidNamesFromTheRawSegment() {
        assertThat(StreamRules.nameFromRawSegment("live")).isEqualTo("live");
        assertThat(StreamRules.nameFromRawSegment("Cam_1.hd-2")).isEqualTo("Cam_1.hd-2");
        assertThat(StreamRules.nameFromRawSegment("x".repeat(64))).hasSize(64);
    }

    @Test
    void rejectsBadNamesNamingTheField() {
        for (String raw : List.of("a%2Fb", "a%00b", "..", "a%20b", "x".repeat(65), "%C3%A9", "a;b", "%zz", "_a", "")) {
            assertThatThrownBy(() -> StreamRules.nameFromRawSegment(raw))
                    .as(raw)
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.type()).isEqualTo(ProblemType.INVALID_NAME);
                        assertThat(e.getMessage()).startsWith("name:");
                        assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("name");
                    });
        }
    }

    @Test
    void acceptsEverySchemeAndBothModes() {
        for (String scheme : StreamRules.SCHEMES) {
            assertThat(StreamRules.check(
                            new StreamRequest(List.of(new StreamInput(scheme + "://host/x")), "redirect", null, null)))
                    .as(scheme)
                    .isEmpty();
        }
        assertThat(StreamRules.check(new StreamRequest(List.of(new StreamInput("fake://x")), null, null, null)))
                .isEmpty();
        assertThat(StreamRules.check(
                        new StreamRequest(Collections.nCopies(8, new StreamInput("fake://x")), "rewrite", null, null)))
                .isEmpty();
        assertThat(StreamRules.urlProblem("fake://" + "x".repeat(2048 - 7))).isNull();
        // Flussonic's bare publish input, whose empty authority java.net.URI refuses.
        assertThat(StreamRules.urlProblem("publish://")).isNull();
        assertThat(StreamRules.urlProblem("fake://")).isNotNull();
    }

    @Test
    void rejectsEachRuleNamingTheField() {
        assertThat(fields(new StreamRequest(null, null, null, null))).containsExactly("inputs");
        assertThat(fields(new StreamRequest(List.of(), null, null, null))).containsExactly("inputs");
        assertThat(fields(new StreamRequest(Collections.nCopies(9, new StreamInput("fake://x")), null, null, null)))
                .containsExactly("inputs");
        assertThat(fields(new StreamRequest(List.of(new StreamInput("ftp://x")), null, null, null)))
                .containsExactly("inputs[0].url");
        assertThat(fields(new StreamRequest(List.of(new StreamInput(null)), null, null, null)))
                .containsExactly("inputs[0].url");
        assertThat(fields(new StreamRequest(List.of(new StreamInput("no scheme")), null, null, null)))
                .containsExactly("inputs[0].url");
        assertThat(fields(new StreamRequest(List.of(new StreamInput("fake://" + "x".repeat(2042))), null, null, null)))
                .containsExactly("inputs[0].url");
        assertThat(fields(new StreamRequest(List.of(new StreamInput("fake://x")), "REWRITE", null, null)))
                .containsExactly("playback_mode");
    }

    @Test
    void acceptsAuthChainsOfUpToEightDistinctNames() {
        List<StreamInput> inputs = List.of(new StreamInput("fake://x"));
        assertThat(StreamRules.check(new StreamRequest(inputs, null, List.of(), null)))
                .isEmpty();
        assertThat(StreamRules.check(new StreamRequest(inputs, null, List.of("tok", "acl-1"), null)))
                .isEmpty();
        assertThat(StreamRules.check(
                        new StreamRequest(inputs, null, List.of("a", "b", "c", "d", "e", "f", "g", "h"), null)))
                .isEmpty();
    }

    @Test
    void rejectsEachAuthChainRuleNamingTheEntry() {
        List<StreamInput> inputs = List.of(new StreamInput("fake://x"));
        assertThat(fields(new StreamRequest(inputs, null, List.of("a", "b", "c", "d", "e", "f", "g", "h", "i"), null)))
                .containsExactly("auth_chain");
        assertThat(fields(new StreamRequest(inputs, null, List.of("tok", "bad/name"), null)))
                .containsExactly("auth_chain[1]");
        assertThat(fields(new StreamRequest(inputs, null, List.of("tok", "tok"), null)))
                .containsExactly("auth_chain[1]");
        assertThat(fields(new StreamRequest(inputs, null, java.util.Arrays.asList("tok", null), null)))
                .containsExactly("auth_chain[1]");
    }

    @Test
    void regionIsOptionalAndFollowsTheRegionPattern() {
        List<StreamInput> inputs = List.of(new StreamInput("fake://x"));
        for (String good : List.of("eu", "eu-west-1", "0", "a".repeat(64))) {
            assertThat(StreamRules.check(new StreamRequest(inputs, null, null, good)))
                    .as(good)
                    .isEmpty();
        }
        for (String bad : List.of("", "EU", "-eu", "eu_west", "eu west", "a".repeat(65), "é")) {
            assertThat(fields(new StreamRequest(inputs, null, null, bad)))
                    .as(bad)
                    .containsExactly("region");
        }
    }

    private static List<String> fields(StreamRequest request) {
        return StreamRules.check(request).stream().map(FieldProblem::field).toList();
    }
}
