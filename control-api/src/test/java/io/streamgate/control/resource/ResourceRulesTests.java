package io.streamgate.control.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every rule of {@link ResourceRules} with a value it accepts and values it rejects. */
class ResourceRulesTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"a", "api_calls", "dvr_storage_byte_seconds", "x9", "a__b_"})
    void acceptsLowerSnakeCaseNames(String name) {
        assertThat(ResourceRules.check(7, request(name, "counter", "bytes", null), NOW)
                        .name())
                .isEqualTo(name);
        assertThat(ResourceRules.isName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", "apiCalls", "api-calls", "api.calls", "1st", "_x", "a b", "ä"})
    void rejectsOtherNames(String name) {
        assertField(request(name, "counter", "bytes", null), "name");
        assertThat(ResourceRules.isName(name)).isFalse();
    }

    @Test
    void nameLengthIsOneToSixtyFour() {
        String longest = "n".repeat(64);
        assertThat(ResourceRules.check(7, request(longest, "gauge", "bytes", null), NOW)
                        .name())
                .isEqualTo(longest);
        assertField(request(longest + "n", "gauge", "bytes", null), "name");
    }

    @Test
    void methodIsCounterOrGauge() {
        assertThat(ResourceRules.check(7, request("a", "counter", "bytes", null), NOW)
                        .method())
                .isEqualTo(Resource.Method.COUNTER);
        assertThat(ResourceRules.check(7, request("a", "gauge", "bytes", null), NOW)
                        .method())
                .isEqualTo(Resource.Method.GAUGE);
        for (String method : new String[] {"", "COUNTER", "Gauge", "rate", "histogram"}) {
            assertField(request("a", method, "bytes", null), "method");
        }
    }

    @Test
    void unitIsShortLowerSnakeCase() {
        for (String unit : new String[] {"bytes", "byte_seconds", "calls", "s", "u".repeat(32)}) {
            assertThat(ResourceRules.check(7, request("a", "counter", unit, null), NOW)
                            .unit())
                    .isEqualTo(unit);
        }
        for (String unit : new String[] {"", "Bytes", "byte-seconds", "byte seconds", "%", "u".repeat(33)}) {
            assertField(request("a", "counter", unit, null), "unit");
        }
    }

    @Test
    void descriptionIsOptionalAndBounded() {
        assertThat(ResourceRules.check(7, request("a", "counter", "bytes", null), NOW)
                        .description())
                .isNull();
        String longest = "é".repeat(ResourceRules.MAX_DESCRIPTION);
        assertThat(ResourceRules.check(7, request("a", "counter", "bytes", longest), NOW)
                        .description())
                .isEqualTo(longest);
        assertField(request("a", "counter", "bytes", longest + "x"), "description");
    }

    @Test
    void valuesOfOtherJsonTypesAreNotCoerced() {
        for (String body : new String[] {
            "{\"name\": 5, \"method\": \"counter\", \"unit\": \"bytes\"}",
            "{\"name\": \"a\", \"method\": true, \"unit\": \"bytes\"}",
            "{\"name\": \"a\", \"method\": \"counter\", \"unit\": 8}",
            "{\"name\": \"a\", \"method\": \"counter\", \"unit\": \"bytes\", \"description\": 3}"
        }) {
            ResourceRequest request = JSON.readValue(body, ResourceRequest.class);
            assertThatThrownBy(() -> ResourceRules.check(7, request, NOW))
                    .as(body)
                    .isInstanceOfSatisfying(
                            ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_FIELD));
        }
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> ResourceRules.check(7, new ResourceRequest(null, null, null, null), NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errors())
                        .extracting(f -> f.field())
                        .containsExactly("name", "method", "unit"));
    }

    @Test
    void aChangeMayOnlyTouchTheDescription() {
        Resource stored = new Resource(5, "api_calls", Resource.Method.COUNTER, "calls", "old", NOW);
        assertThat(ResourceRules.change(stored, patch("{\"description\": \"new\"}")))
                .isEqualTo(stored.withDescription("new"));
        assertThat(ResourceRules.change(stored, patch("{\"description\": null}"))
                        .description())
                .isNull();
        assertThat(ResourceRules.change(
                        stored, patch("{\"name\": \"api_calls\", \"method\": \"counter\", \"unit\": \"calls\"}")))
                .isEqualTo(stored);
        for (String[] change : new String[][] {
            {"{\"name\": \"calls\"}", "name"},
            {"{\"method\": \"gauge\"}", "method"},
            {"{\"method\": \"rate\"}", "method"},
            {"{\"method\": null}", "method"},
            {"{\"unit\": \"requests\"}", "unit"},
            {"{\"unit\": 1}", "unit"}
        }) {
            assertThatThrownBy(() -> ResourceRules.change(stored, patch(change[0])))
                    .as(change[0])
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
                        assertThat(e.errors().get(0).field()).isEqualTo(change[1]);
                    });
        }
        assertThatThrownBy(() -> ResourceRules.change(stored, patch("{\"description\": 1}")))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.INVALID_FIELD));
    }

    private static ResourceRequest patch(String body) {
        return JSON.readValue(body, ResourceRequest.class);
    }

    private static ResourceRequest request(String name, String method, String unit, String description) {
        return new ResourceRequest(text(name), text(method), text(unit), text(description));
    }

    private static JsonNode text(String value) {
        return value == null ? null : JSON.getNodeFactory().stringNode(value);
    }

    private static void assertField(ResourceRequest request, String field) {
        assertThatThrownBy(() -> ResourceRules.check(7, request, NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.INVALID_FIELD);
                    assertThat(e.errors()).extracting(f -> f.field()).containsExactly(field);
                });
    }
}
