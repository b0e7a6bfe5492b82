package io.streamgate.control;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A real HTTP server on a real socket that speaks the streamer config API: it records every PUT and DELETE and
 * serves the stream list, every stream alive.
 */
public final class RecordingStreamer implements AutoCloseable {

    /** One config call as the streamer received it. */
    public record Call(String method, String name, String body) {}

    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Map<String, String> streams = new ConcurrentHashMap<>();
    private final DisposableServer server;

    public RecordingStreamer() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.put("/streamer/api/v3/streams/{name}", (request, response) -> request.receive()
                                .aggregate()
                                .asString()
                                .defaultIfEmpty("")
                                .flatMap(body -> {
                                    String name = request.param("name");
                                    calls.add(new Call("PUT", name, body));
                                    boolean created = streams.put(name, body) == null;
                                    return response.status(created ? 201 : 200)
                                            .header("Content-Type", "application/json")
                                            .sendString(Mono.just(body))
                                            .then();
                                }))
                        .delete("/streamer/api/v3/streams/{name}", (request, response) -> {
                            String name = request.param("name");
                            calls.add(new Call("DELETE", name, ""));
                            return response.status(streams.remove(name) == null ? 404 : 204)
                                    .send();
                        })
                        .get("/streamer/api/v3/streams", (request, response) -> {
                            String list = streams.keySet().stream()
                                    .map(name -> "{\"name\":\"" + name + "\",\"inputs\":[],"
                                            + "\"stats\":{\"alive\":true,\"online_clients\":1,\"bitrate\":1100}}")
                                    .collect(Collectors.joining(","));
                            return response.header("Content-Type", "application/json")
                                    .sendString(Mono.just(
                                            "{\"streams\":[" + list + "],\"estimated_count\":" + streams.size() + "}"))
                                    .then();
                        }))
                .bindNow();
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

    @Override
    public void close() {
        server.disposeNow();
    }
}
