package io.streamgate.sim.publish;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A control plane's on_publish endpoint on a real socket (port 0): records every request it gets and answers each
 * stream name as the test says, by default 403.
 */
final class CallbackServer implements AutoCloseable {

    /** How the server answers a callback for one stream name. */
    enum Answer {
        ALLOW,
        REFUSE,
        FAIL,
        /** 302 to a path on this server that would allow: a callback that follows redirects would get in. */
        REDIRECT,
        /** Reads the request and never answers. */
        HANG,
        /** Reads the request and closes the connection without an answer. */
        DROP
    }

    /** One request as it arrived: the raw path and query, and the form fields of its body. */
    record Call(String method, String uri, String contentType, Map<String, List<String>> form) {}

    static final String PATH = "/hook/on-publish";
    static final String REDIRECTED = "/hook/elsewhere";

    private final DisposableServer server;
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    private CallbackServer() {
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle((request, response) -> request.receive()
                        .aggregate()
                        .asString(StandardCharsets.UTF_8)
                        .defaultIfEmpty("")
                        .flatMap(body -> {
                            Map<String, List<String>> form =
                                    new QueryStringDecoder(body, StandardCharsets.UTF_8, false).parameters();
                            calls.add(new Call(
                                    request.method().name(),
                                    request.uri(),
                                    request.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE),
                                    form));
                            if (request.uri().startsWith(REDIRECTED)) {
                                return response.status(204).send().then();
                            }
                            List<String> names = form.get("name");
                            String name = names == null || names.isEmpty() ? "" : names.get(0);
                            Gate gate = gates.get(name);
                            Mono<Void> held = gate == null ? Mono.empty() : gate.arrive();
                            return held.then(
                                    Mono.defer(() -> answer(answers.getOrDefault(name, Answer.REFUSE), response)));
                        }))
                .bindNow();
    }

    static CallbackServer start() {
        return new CallbackServer();
    }

    /** The callback URL, with a query of its own that the simulator must keep as it is. */
    String url(String query) {
        return "http://127.0.0.1:" + server.port() + PATH + "?" + query;
    }

    void answer(String name, Answer answer) {
        answers.put(name, answer);
    }

    /** Allows {@code name}, but holds every answer until {@code callers} requests for it have arrived. */
    void allowTogether(String name, int callers) {
        gates.put(name, new Gate(callers));
        answers.put(name, Answer.ALLOW);
    }

    /** Every request whose form names the stream, in arrival order. */
    List<Call> callsFor(String name) {
        return calls.stream()
                .filter(call -> List.of(name).equals(call.form().get("name")))
                .toList();
    }

    List<Call> callsTo(String pathPrefix) {
        return calls.stream().filter(call -> call.uri().startsWith(pathPrefix)).toList();
    }

    private static Mono<Void> answer(Answer answer, HttpServerResponse response) {
        switch (answer) {
            case ALLOW:
                return response.status(204).send().then();
            case REFUSE:
                return response.status(403).send().then();
            case FAIL:
                return response.status(500).sendString(Mono.just("boom")).then();
            case REDIRECT:
                return response.status(302)
                        .header(HttpHeaderNames.LOCATION, REDIRECTED)
                        .send()
                        .then();
            case HANG:
                return Mono.never();
            case DROP:
                return Mono.<Void>fromRunnable(() -> response.withConnection(Connection::dispose))
                        .then(Mono.never());
            default:
                throw new IllegalArgumentException("answer: " + answer);
        }
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    /** Releases every waiting caller once the expected number has arrived; no clock involved. */
    private static final class Gate {
        private final int callers;
        private final AtomicInteger arrived = new AtomicInteger();
        private final Sinks.Empty<Void> open = Sinks.empty();

        Gate(int callers) {
            this.callers = callers;
        }

        Mono<Void> arrive() {
            if (arrived.incrementAndGet() == callers) {
                open.tryEmitEmpty();
            }
            return open.asMono();
        }
    }
}
