package io.streamgate.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on a real socket that speaks the Flussonic-style streamer API the flussonic driver reads: it
 * records every config PUT and DELETE, serves the stream list with stats and the Prometheus counters of one collection
 * session. Faults on demand: it can stop answering (requests hang, so callers hit their timeouts), and report its
 * streams as not alive.
 */
public final class RecordingStreamer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One config call as the streamer received it. */
    public record Call(String method, String name, String body) {}

    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    /** Stream name → its inputs as the JSON array that was pushed. */
    private final Map<String, String> streams = new ConcurrentHashMap<>();

    private final Map<String, long[]> bytes = new ConcurrentHashMap<>();
    private final long sessionStart = System.currentTimeMillis();
    private final String sessionId =
            sessionStart + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    private final DisposableServer server;
    private volatile boolean answering = true;
    private volatile boolean streamsAlive = true;
    private volatile long clientsPerStream = 1;
    private volatile long bitratePerStream = 1100;

    public RecordingStreamer() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.put(
                                "/streamer/api/v3/streams/{name}",
                                (request, response) -> answering(() -> put(request, response)))
                        .delete(
                                "/streamer/api/v3/streams/{name}",
                                (request, response) -> answering(() -> {
                                    String name = request.param("name");
                                    calls.add(new Call("DELETE", name, ""));
                                    return response.status(streams.remove(name) == null ? 404 : 204)
                                            .send()
                                            .then();
                                }))
                        .get(
                                "/streamer/api/v3/streams",
                                (request, response) ->
                                        answering(() -> response.header("Content-Type", "application/json")
                                                .sendString(Mono.just(list()))
                                                .then()))
                        .get(
                                "/metrics",
                                (request, response) ->
                                        answering(() -> response.header("Content-Type", "text/plain; version=0.0.4")
                                                .sendString(Mono.just(metrics()))
                                                .then())))
                .bindNow();
    }

    private Mono<Void> put(HttpServerRequest request, HttpServerResponse response) {
        return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
            String name = request.param("name");
            calls.add(new Call("PUT", name, body));
            JsonNode inputs = JSON.readTree(body).get("inputs");
            boolean created = streams.put(name, inputs == null ? "[]" : inputs.toString()) == null;
            return response.status(created ? 201 : 200)
                    .header("Content-Type", "application/json")
                    .sendString(Mono.just(body))
                    .then();
        });
    }

    /** A streamer that stops answering keeps the connection open and never replies, like a hung process. */
    private Mono<Void> answering(Supplier<Mono<Void>> handler) {
        return answering ? handler.get() : Mono.never();
    }

    private String list() {
        String entries = streams.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> {
                    long[] counted = bytes.getOrDefault(entry.getKey(), new long[2]);
                    boolean alive = streamsAlive;
                    return "{\"name\":\"" + entry.getKey() + "\",\"inputs\":" + entry.getValue() + ",\"stats\":{"
                            + "\"alive\":" + alive + ",\"online_clients\":" + (alive ? clientsPerStream : 0)
                            + ",\"publishing\":false,\"input_bitrate\":" + (alive ? 1000 : 0)
                            + ",\"output_bitrate\":" + (alive ? bitratePerStream : 0)
                            + ",\"bytes_in\":" + counted[0] + ",\"bytes_out\":" + counted[1] + "}}";
                })
                .collect(Collectors.joining(","));
        return "{\"streams\":[" + entries + "]}";
    }

    private String metrics() {
        StringBuilder out = new StringBuilder();
        out.append("# TYPE streamer_collection_session_start_milliseconds gauge\n")
                .append("streamer_collection_session_start_milliseconds{session_id=\"")
                .append(sessionId)
                .append("\"} ")
                .append(sessionStart)
                .append('\n');
        List<String> names = new ArrayList<>(streams.keySet());
        names.sort(null);
        out.append("# TYPE streamer_stream_bytes_out_total counter\n");
        for (String name : names) {
            out.append("streamer_stream_bytes_out_total{stream=\"")
                    .append(name)
                    .append("\"} ")
                    .append(bytes.getOrDefault(name, new long[2])[1])
                    .append('\n');
        }
        out.append("# TYPE streamer_stream_bytes_in_total counter\n");
        for (String name : names) {
            out.append("streamer_stream_bytes_in_total{stream=\"")
                    .append(name)
                    .append("\"} ")
                    .append(bytes.getOrDefault(name, new long[2])[0])
                    .append('\n');
        }
        return out.toString();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls concerning one project's streams. */
    public List<Call> callsFor(String projectId) {
        return calls().stream()
                .filter(c -> c.name().startsWith(projectId + "_"))
                .toList();
    }

    /** The streams it runs now, by internal name. */
    public Set<String> streams() {
        return Set.copyOf(streams.keySet());
    }

    public boolean runs(String name) {
        return streams.containsKey(name);
    }

    /** A stream someone else configured (not through a recorded call). */
    public void configure(String name, String url) {
        streams.put(name, "[{\"url\":\"" + url + "\"}]");
    }

    /** Loses a stream's config without a call, as a restarted streamer would. */
    public void lose(String name) {
        streams.remove(name);
    }

    /** Stops answering (requests hang) or answers again. */
    public void answering(boolean value) {
        answering = value;
    }

    /** Whether its streams report alive (and get viewers). */
    public void streamsAlive(boolean value) {
        streamsAlive = value;
    }

    /** What each alive stream sends to viewers, in kbit/s. */
    public void bitratePerStream(long kbps) {
        bitratePerStream = kbps;
    }

    /** The byte counters it reports for a stream in its current session. */
    public void counted(String name, long bytesIn, long bytesOut) {
        bytes.put(name, new long[] {bytesIn, bytesOut});
    }

    @Override
    public void close() {
        // Not disposeNow: requests hanging on a streamer that stopped answering would hold it up.
        server.dispose();
    }
}
