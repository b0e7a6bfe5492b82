package io.streamgate.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HLS players as a real player behaves: fetch the master playlist from the gateway once, then keep refreshing the
 * variant playlist straight from the streamer it points at and download segments. When a refresh fails the player
 * goes back to the gateway once, with its session id, and tries the new variant URL; only if that fails too does the
 * refresh count as failed. Every few refreshes a player also reloads the master with its session, the way players do
 * after an error or a quality change, which is what stickiness is about.
 *
 * <p>Every master answer is logged with the streamer it sent the player to, so tests can check stickiness and that no
 * session lands on a dead or draining streamer.
 */
final class Players implements AutoCloseable {

    /** One master playlist answer: which player, when, which streamer base URL, and whether it was a new session. */
    record Assignment(int player, Instant at, String streamer, boolean newSession) {}

    private static final int MASTER_RELOAD_EVERY = 5;

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String gatewayUrl;
    private final List<String> streams;
    private final int count;
    private final Duration interval;
    private final ExecutorService threads;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final List<Assignment> assignments = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param gatewayUrl the gateway's player API
     * @param streams internal stream names; player i plays stream i modulo their number
     * @param count how many players
     * @param interval the pause between two refreshes of one player
     */
    Players(String gatewayUrl, List<String> streams, int count, Duration interval) {
        this.gatewayUrl = gatewayUrl;
        this.streams = List.copyOf(streams);
        this.count = count;
        this.interval = interval;
        this.threads = Executors.newFixedThreadPool(count);
    }

    Players start() {
        for (int i = 0; i < count; i++) {
            int player = i;
            threads.execute(() -> play(player));
        }
        return this;
    }

    long refreshes() {
        return refreshes.get();
    }

    long retried() {
        return retried.get();
    }

    long failed() {
        return failed.get();
    }

    List<String> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    List<Assignment> assignments() {
        synchronized (assignments) {
            return List.copyOf(assignments);
        }
    }

    private void play(int player) {
        String stream = streams.get(player % streams.size());
        String session = null;
        String variant = null;
        long n = 0;
        while (running.get()) {
            n++;
            try {
                if (variant == null || n % MASTER_RELOAD_EVERY == 0) {
                    Master master = master(player, stream, session);
                    session = master.session();
                    variant = master.variant();
                }
                refresh(variant);
            } catch (Exception first) {
                retried.incrementAndGet();
                try {
                    Master master = master(player, stream, session);
                    session = master.session();
                    variant = master.variant();
                    refresh(variant);
                } catch (Exception second) {
                    failed.incrementAndGet();
                    failures.add(Instant.now() + " player " + player + ": " + first.getMessage() + " / then "
                            + second.getMessage());
                    variant = null;
                }
            }
            if (!running.get()) {
                break;
            }
            refreshes.incrementAndGet();
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private record Master(String session, String variant) {}

    private Master master(int player, String stream, String session) throws Exception {
        String url = gatewayUrl + "/" + stream + "/index.m3u8" + (session == null ? "" : "?sg_sid=" + session);
        HttpResponse<String> answer = get(url);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("master " + answer.statusCode());
        }
        String variant = answer.body()
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("master without variants"));
        String assigned = query(variant, "sg_sid");
        URI uri = URI.create(variant);
        assignments.add(
                new Assignment(player, Instant.now(), uri.getScheme() + "://" + uri.getAuthority(), session == null));
        return new Master(assigned, variant);
    }

    /** The variant playlist, then its newest segment: what a player fetches on one refresh. */
    private void refresh(String variant) throws Exception {
        HttpResponse<String> media = get(variant);
        if (media.statusCode() != 200 || !media.body().contains("#EXTINF")) {
            throw new IllegalStateException("variant " + media.statusCode() + " from " + variant);
        }
        String newest = null;
        for (String line : media.body().lines().toList()) {
            if (!line.isBlank() && !line.startsWith("#")) {
                newest = line;
            }
        }
        if (newest == null) {
            throw new IllegalStateException("variant without segments from " + variant);
        }
        String segment = URI.create(variant).resolve(newest).toString();
        HttpResponse<byte[]> ts = client.send(
                HttpRequest.newBuilder(URI.create(segment))
                        .timeout(Duration.ofSeconds(3))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (ts.statusCode() != 200 || ts.body().length == 0 || ts.body()[0] != 0x47) {
            throw new IllegalStateException("segment " + ts.statusCode() + " from " + segment);
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(3))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String query(String url, String name) {
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        throw new IllegalStateException("no " + name + " in " + url);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        threads.shutdown();
        if (!threads.awaitTermination(15, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }
}
