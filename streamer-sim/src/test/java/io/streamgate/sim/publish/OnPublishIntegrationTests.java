package io.streamgate.sim.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.domain.signing.PublishTokens;
import io.streamgate.domain.signing.SigningKeys;
import io.streamgate.sim.publish.CallbackServer.Answer;
import io.streamgate.sim.publish.CallbackServer.Call;
import io.streamgate.sim.testing.SimClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The on_publish callback over real sockets: a simulator asks a real HTTP server about streams it does not have. */
@Tag("integration")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "streamgate.sim.signing.keys=" + SimClient.KEYS)
class OnPublishIntegrationTests {

    /** The callback URL's own query, with an escaped character that must arrive as it was written. */
    private static final String OWN_QUERY = "streamer=sim-1&tag=a%2Fb";

    private static final CallbackServer CALLBACK = CallbackServer.start();

    @DynamicPropertySource
    static void callback(DynamicPropertyRegistry registry) {
        // The timeout is left at its default, so the hanging callback below also shows the default is applied.
        registry.add("streamgate.sim.on-publish-url", () -> CALLBACK.url(OWN_QUERY));
    }

    @AfterAll
    static void stopCallback() {
        CALLBACK.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    private SimClient sim;

    @BeforeEach
    void client() {
        sim = new SimClient(port, Clock.systemUTC());
    }

    private int push(String method, String stream, String query, byte[] body) {
        return sim.http()
                .method(HttpMethod.valueOf(method))
                .uri(sim.baseUrl() + "/streamer/publish/" + stream + (query.isEmpty() ? "" : "?" + query))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(body)
                .exchange()
                .expectBody()
                .returnResult()
                .getStatus()
                .value();
    }

    private double calls(String outcome) {
        return meters.counter(OnPublishCallback.METRIC, "outcome", outcome).count();
    }

    private double created() {
        return meters.counter(OnPublishCallback.CREATED_METRIC).count();
    }

    private List<Map<String, Object>> listed(String name) {
        Map<String, Object> list = sim.http()
                .get()
                .uri("/streamer/api/v3/streams")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        assertThat(list).containsKey("streams");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> streams = (List<Map<String, Object>>) list.get("streams");
        return streams.stream()
                .filter(stream -> name.equals(stream.get("name")))
                .toList();
    }

    private void assertNotCreated(String name) {
        sim.http()
                .get()
                .uri("/streamer/api/v3/streams/{name}", name)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(sim.metrics().value(SimClient.BYTES_IN, "stream", name))
                .as("no counter line for %s", name)
                .isEmpty();
    }

    @Test
    void anUnknownStreamTheCallbackAllowsIsCreatedAndPublishedWhileTheUploadRuns() {
        String name = "501_new";
        CALLBACK.answer(name, Answer.ALLOW);
        String token = sim.publishToken(name);
        double allowedBefore = calls("allowed");
        double createdBefore = created();

        Sinks.Many<byte[]> upload = Sinks.many().unicast().onBackpressureBuffer();
        upload.tryEmitNext(new byte[1000]);
        Mono<Integer> pushed = WebClient.create(sim.baseUrl())
                .put()
                .uri("/streamer/publish/" + name + "?" + PublishTokens.PARAMETER + "=" + token)
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(BodyInserters.fromPublisher(upload.asFlux(), byte[].class))
                .retrieve()
                .toBodilessEntity()
                .map(response -> response.getStatusCode().value())
                .cache();
        Disposable running = pushed.subscribe();
        try {
            StepVerifier.create(Mono.fromCallable(() -> listed(name))
                            .filter(streams -> streams.size() == 1 && publishing(streams.get(0)))
                            // Polled on a thread that may block: the check itself is a blocking client call.
                            .repeatWhenEmpty(repeats ->
                                    repeats.delayElements(Duration.ofMillis(100), Schedulers.boundedElastic())))
                    .assertNext(streams ->
                            assertThat(streams.get(0)).containsEntry("inputs", List.of(Map.of("url", "publish://"))))
                    .expectComplete()
                    .verify(SimClient.TIMEOUT);

            List<Call> calls = CALLBACK.callsFor(name);
            assertThat(calls).hasSize(1);
            Call call = calls.get(0);
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.uri()).isEqualTo(CallbackServer.PATH + "?" + OWN_QUERY);
            assertThat(call.contentType()).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
            assertThat(call.form())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            "call", List.of("publish"),
                            "name", List.of(name),
                            "token", List.of(token),
                            "addr", List.of("127.0.0.1")));

            // The orchestrator pushes the stream it created from the template shortly after: a replace, not a
            // second creation, and the running upload is not disturbed.
            sim.http()
                    .put()
                    .uri("/streamer/api/v3/streams/{name}", name)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\": \"" + name + "\", \"inputs\": [{\"url\": \"publish://\"}]}")
                    .exchange()
                    .expectStatus()
                    .isOk();
            assertThat(listed(name)).singleElement().satisfies(stream -> assertThat(publishing(stream))
                    .isTrue());

            upload.tryEmitNext(new byte[500]);
            upload.tryEmitComplete();
            StepVerifier.create(pushed).expectNext(204).expectComplete().verify(SimClient.TIMEOUT);
        } finally {
            // An upload left open would keep the simulator from shutting down gracefully.
            upload.tryEmitComplete();
            running.dispose();
        }

        assertThat(sim.stat(name, "bytes_in")).isEqualTo(1500);
        assertThat(sim.counter(SimClient.BYTES_IN, name)).isEqualTo(1500);
        assertThat(calls("allowed") - allowedBefore).isEqualTo(1);
        assertThat(created() - createdBefore).isEqualTo(1);

        // Now the sim has the stream: the next publish is decided locally, without asking again.
        assertThat(push("POST", name, PublishTokens.PARAMETER + "=" + sim.publishToken(name), new byte[10]))
                .isEqualTo(204);
        assertThat(CALLBACK.callsFor(name)).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static boolean publishing(Map<String, Object> stream) {
        Map<String, Object> stats = (Map<String, Object>) stream.get("stats");
        return Boolean.TRUE.equals(stats.get("publishing")) && Boolean.TRUE.equals(stats.get("alive"));
    }

    @Test
    void whenTheCallbackRefusesInAnyWayThePublishIs404AndNothingIsCreated() {
        Map<String, Answer> refusals = Map.of(
                "502_forbidden", Answer.REFUSE,
                "502_error", Answer.FAIL,
                "502_redirect", Answer.REDIRECT);
        double refusedBefore = calls("refused");
        double createdBefore = created();

        refusals.forEach((name, answer) -> {
            CALLBACK.answer(name, answer);
            assertThat(push("PUT", name, PublishTokens.PARAMETER + "=" + sim.publishToken(name), new byte[188]))
                    .as("%s answered %s", name, answer)
                    .isEqualTo(404);
            assertThat(CALLBACK.callsFor(name)).as(name).hasSize(1);
            assertNotCreated(name);
        });

        assertThat(CALLBACK.callsTo(CallbackServer.REDIRECTED))
                .as("the redirect is not followed")
                .isEmpty();
        assertThat(calls("refused") - refusedBefore).isEqualTo(3);
        assertThat(created() - createdBefore).isZero();
    }

    @Test
    void whenTheCallbackTimesOutOrDropsTheConnectionThePublishIs404AndNothingIsCreated() {
        double failedBefore = calls("failed");
        CALLBACK.answer("503_hang", Answer.HANG);
        CALLBACK.answer("503_drop", Answer.DROP);

        for (String name : List.of("503_hang", "503_drop")) {
            assertThat(push("POST", name, PublishTokens.PARAMETER + "=" + sim.publishToken(name), new byte[188]))
                    .as(name)
                    .isEqualTo(404);
            assertThat(CALLBACK.callsFor(name)).as(name).hasSize(1);
            assertNotCreated(name);
        }
        assertThat(calls("failed") - failedBefore).isEqualTo(2);
    }

    @Test
    void withoutAValidTokenThePublishIs403AndTheCallbackIsNeverAsked() {
        String name = "504_guarded";
        CALLBACK.answer(name, Answer.ALLOW);
        PublishTokens foreign = new PublishTokens(SigningKeys.parse("it:fedcba9876543210fedc", null));
        long now = Instant.now().getEpochSecond();
        List<String> badQueries = List.of(
                "",
                "token=",
                "token=" + foreign.mint(name, now + 600),
                "token=" + sim.publishToken("504_other"),
                "token=" + new PublishTokens(SigningKeys.parse(SimClient.KEYS, null)).mint(name, now - 60),
                "token=" + sim.publishToken(name) + "&token=" + sim.publishToken(name));

        for (String query : badQueries) {
            assertThat(push("PUT", name, query, new byte[188])).as(query).isEqualTo(403);
        }

        assertThat(CALLBACK.callsFor(name)).isEmpty();
        assertNotCreated(name);
    }

    @Test
    void aNameThatCannotBeAStreamIsNeverOfferedToTheCallback() {
        // A token can be minted for any string; only stream names may reach the callback or the store.
        String tooLong = "5".repeat(65);
        CALLBACK.answer(tooLong, Answer.ALLOW);

        assertThat(push("PUT", tooLong, PublishTokens.PARAMETER + "=" + sim.publishToken(tooLong), new byte[188]))
                .isEqualTo(404);

        assertThat(CALLBACK.callsFor(tooLong)).isEmpty();
    }

    @Test
    void aStreamTheSimAlreadyHasIsDecidedLocallyWithoutTheCallback() {
        // Were either asked, the answer would flip the outcome: the known publish stream would be refused and the
        // known fake stream allowed.
        sim.putStream("505_known", "publish://");
        CALLBACK.answer("505_known", Answer.REFUSE);
        sim.putStream("505_fake", "fake://x");
        CALLBACK.answer("505_fake", Answer.ALLOW);

        assertThat(push(
                        "PUT",
                        "505_known",
                        PublishTokens.PARAMETER + "=" + sim.publishToken("505_known"),
                        new byte[64]))
                .isEqualTo(204);
        assertThat(push("PUT", "505_fake", PublishTokens.PARAMETER + "=" + sim.publishToken("505_fake"), new byte[64]))
                .isEqualTo(404);

        assertThat(CALLBACK.callsFor("505_known")).isEmpty();
        assertThat(CALLBACK.callsFor("505_fake")).isEmpty();
        assertThat(sim.stat("505_known", "bytes_in")).isEqualTo(64);
        assertThat(listed("505_fake")).singleElement().satisfies(stream -> assertThat(stream)
                .containsEntry("inputs", List.of(Map.of("url", "fake://x"))));
    }

    @Test
    void concurrentPublishesOfTheSameNewStreamCreateItOnceAndAreBothAccepted() {
        String name = "506_race";
        // Neither callback is answered before both have arrived, so both publishes are past the "unknown stream" check
        // and race to create it.
        CALLBACK.allowTogether(name, 2);
        double createdBefore = created();
        WebClient client = WebClient.create(sim.baseUrl());
        Mono<Integer> first = publishOnce(client, name, 1000);
        Mono<Integer> second = publishOnce(client, name, 500);

        StepVerifier.create(Mono.zip(first, second))
                .assertNext(statuses ->
                        assertThat(List.of(statuses.getT1(), statuses.getT2())).containsExactly(204, 204))
                .expectComplete()
                .verify(SimClient.TIMEOUT);

        assertThat(CALLBACK.callsFor(name)).hasSize(2);
        assertThat(created() - createdBefore).isEqualTo(1);
        assertThat(listed(name)).hasSize(1);
        assertThat(sim.stat(name, "bytes_in")).isEqualTo(1500);
    }

    private Mono<Integer> publishOnce(WebClient client, String name, int bytes) {
        return client.put()
                .uri("/streamer/publish/" + name + "?" + PublishTokens.PARAMETER + "=" + sim.publishToken(name))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .bodyValue(new byte[bytes])
                .exchangeToMono(response ->
                        response.releaseBody().thenReturn(response.statusCode().value()));
    }
}
