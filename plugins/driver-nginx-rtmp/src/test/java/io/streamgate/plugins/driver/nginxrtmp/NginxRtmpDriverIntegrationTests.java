package io.streamgate.plugins.driver.nginxrtmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.driver.RuntimeState;
import io.streamgate.plugin.api.driver.RuntimeState.InputState;
import io.streamgate.plugin.api.driver.RuntimeState.StreamState;
import io.streamgate.plugin.api.driver.StreamConfig;
import io.streamgate.plugin.api.driver.StreamerDriver;
import io.streamgate.plugin.api.driver.UsageCounters;
import io.streamgate.plugin.api.driver.UsageCounters.Counter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real nginx with the RTMP module, configured from the shipped template, a real ffmpeg publishing a test pattern,
 * and a real {@code on_publish} service in this test; the driver comes from the packaged jar through PF4J. Skipped
 * only where nginx, the module or ffmpeg is not installed (CI installs them).
 */
@Tag("integration")
class NginxRtmpDriverIntegrationTests {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Path MODULE = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");
    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");
    private static final Path TEMPLATE = Path.of("nginx", "nginx-rtmp.conf.template");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String STREAM = "1_cam";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    static Path work;

    private static PluginJarManager plugins;
    private static HttpServer onPublish;
    private static Process nginx;
    private static Process publisher;
    private static final List<Process> PUBLISHERS = new ArrayList<>();
    private static final BlockingQueue<Map<String, String>> PUBLISH_CHECKS = new LinkedBlockingQueue<>();
    private static URI base;
    private static StreamerDriver driver;

    @BeforeAll
    static void startNginx() throws Exception {
        assumeTrue(Files.isExecutable(NGINX), NGINX + " is not installed");
        assumeTrue(Files.isRegularFile(MODULE), MODULE + " is not installed (libnginx-mod-rtmp)");
        assumeTrue(Files.isExecutable(FFMPEG), FFMPEG + " is not installed");

        Path pluginsRoot = Files.createDirectories(work.resolve("plugins"));
        Files.copy(
                NginxRtmpPluginIntegrationTests.JAR,
                pluginsRoot.resolve(NginxRtmpPluginIntegrationTests.JAR.getFileName()));
        plugins = new PluginJarManager(pluginsRoot);
        plugins.loadPlugins();
        plugins.startPlugins();

        // The publish check: token "good" for this test's stream names, anything else refused.
        onPublish = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        onPublish.createContext("/on_publish", exchange -> {
            Map<String, String> form =
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            PUBLISH_CHECKS.add(form);
            boolean allowed = "publish".equals(form.get("call"))
                    && "good".equals(form.get("token"))
                    && form.getOrDefault("name", "").startsWith("1_");
            exchange.sendResponseHeaders(allowed ? 200 : 403, -1);
            exchange.close();
        });
        onPublish.start();

        Path prefix = Files.createDirectories(work.resolve("nginx"));
        int rtmpPort = freePort();
        int httpPort = freePort();
        String conf = Files.readString(TEMPLATE)
                .replace("${PREFIX}", prefix.toAbsolutePath().toString())
                .replace("${RTMP_PORT}", Integer.toString(rtmpPort))
                .replace("${HTTP_PORT}", Integer.toString(httpPort))
                .replace(
                        "${ON_PUBLISH_URL}",
                        "http://127.0.0.1:" + onPublish.getAddress().getPort() + "/on_publish")
                .replace("${APP}", "live");
        assertThat(conf).doesNotContain("${");
        Path confFile = prefix.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        nginx = new ProcessBuilder(
                        NGINX.toString(),
                        "-p",
                        prefix.toAbsolutePath().toString(),
                        "-c",
                        confFile.toAbsolutePath().toString(),
                        "-e",
                        prefix.resolve("error.log").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(prefix.resolve("nginx.out").toFile())
                .start();

        base = URI.create("http://127.0.0.1:" + httpPort);
        driver = NginxRtmpPluginIntegrationTests.loadedFactory(plugins)
                .create(
                        Settings.of(Map.of("rtmp_url", "rtmp://127.0.0.1:" + rtmpPort + "/live")),
                        new TestContext(base, new TestHttpCaller()));
        await("nginx answers " + base + "/stat").atMost(WAIT).ignoreExceptions().until(() -> {
            assertThat(nginx.isAlive())
                    .as("nginx is running; see " + prefix.resolve("nginx.out"))
                    .isTrue();
            return get("/stat").statusCode() == 200;
        });
    }

    @BeforeEach
    void forgetChecks() {
        PUBLISH_CHECKS.clear();
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        for (Process process : PUBLISHERS) {
            stop(process);
        }
        if (nginx != null) {
            stop(nginx);
        }
        if (onPublish != null) {
            onPublish.stop(0);
        }
        if (plugins != null) {
            plugins.unloadPlugins();
        }
    }

    @Test
    void aPublishedStreamIsAliveCountsBytesAndIsServedAsHls() throws Exception {
        startPublishing();

        RuntimeState state = driver.state().block(WAIT);
        assertThat(find(state, STREAM)).hasValueSatisfying(stream -> {
            assertThat(stream.alive()).isTrue();
            assertThat(stream.input()).isEqualTo(InputState.PUBLISHING);
            assertThat(stream.onlineClients()).isZero();
        });

        UsageCounters first = driver.counters().block(WAIT);
        long firstIn = bytesIn(first);
        await("bytes_in grows")
                .atMost(WAIT)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    UsageCounters later = driver.counters().block(WAIT);
                    assertThat(later.sessionId()).isEqualTo(first.sessionId());
                    assertThat(later.sessionStart()).isEqualTo(first.sessionStart());
                    assertThat(bytesIn(later)).isGreaterThan(firstIn);
                });

        HttpResponse<String> master = get("/" + STREAM + "/index.m3u8");
        assertThat(master.statusCode()).isEqualTo(200);
        assertThat(master.headers().firstValue("Content-Type")).hasValue("application/vnd.apple.mpegurl");
        assertThat(master.body())
                .startsWith("#EXTM3U")
                .contains("#EXT-X-STREAM-INF:BANDWIDTH=")
                .endsWith("media.m3u8\n");

        // nginx-rtmp writes the playlist once the first fragment is complete.
        HttpResponse<String> media = await("media playlist")
                .atMost(WAIT)
                .until(
                        () -> get("/" + STREAM + "/media.m3u8"),
                        response ->
                                response.statusCode() == 200 && response.body().contains(".ts"));
        assertThat(media.headers().firstValue("Content-Type")).hasValue("application/vnd.apple.mpegurl");
        assertThat(media.body()).startsWith("#EXTM3U").contains("#EXTINF:");
        String segment = media.body()
                .lines()
                .filter(line -> line.endsWith(".ts"))
                .findFirst()
                .orElseThrow();

        HttpResponse<byte[]> ts = HTTP.send(
                HttpRequest.newBuilder(base.resolve("/" + STREAM + "/" + segment))
                        .timeout(WAIT)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ts.statusCode()).isEqualTo(200);
        assertThat(ts.headers().firstValue("Content-Type")).hasValue("video/mp2t");
        // MPEG-TS: 188-byte packets, each starting with the sync byte 0x47.
        assertThat(ts.body().length).isPositive().isEqualTo(ts.body().length / 188 * 188);
        assertThat(ts.body()[0]).isEqualTo((byte) 0x47);
        assertThat(ts.body()[188]).isEqualTo((byte) 0x47);
    }

    @Test
    void aPublisherWithABadTokenIsRefused() throws Exception {
        String url = driver.publishEndpoints("1_bad", "bad").get(0).url();
        Process refused = ffmpeg(url, "bad");

        assertThat(refused.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("ffmpeg gave up")
                .isTrue();
        assertThat(refused.exitValue()).isNotZero();
        await("nginx asked about 1_bad").atMost(WAIT).until(() -> PUBLISH_CHECKS.stream()
                .anyMatch(check -> "1_bad".equals(check.get("name"))
                        && "bad".equals(check.get("token"))
                        && "live".equals(check.get("app"))));
        assertThat(find(driver.state().block(WAIT), "1_bad")).isEmpty();
        assertThat(driver.counters().block(WAIT).counters())
                .noneMatch(counter -> counter.stream().equals("1_bad"));
    }

    @Test
    void removeDropsThePublisher() throws Exception {
        Process running = startPublishing();

        driver.remove(STREAM).block(WAIT);

        await("stream no longer alive").atMost(WAIT).untilAsserted(() -> assertThat(
                        find(driver.state().block(WAIT), STREAM).filter(StreamState::alive))
                .isEmpty());
        assertThat(running.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("dropped ffmpeg ends")
                .isTrue();
        // Nothing left to drop: still done.
        driver.remove(STREAM).block(WAIT);
        driver.remove("1_never_published").block(WAIT);
    }

    @Test
    void aPublishOnlyStreamIsPushedAndOthersAreRefused() {
        driver.push(new StreamConfig("1_next", List.of("publish://"))).block(WAIT);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> driver.push(new StreamConfig("1_next", List.of("fake://test")))
                                .block(WAIT))
                .isInstanceOf(io.streamgate.plugin.api.driver.UnsupportedStreamException.class);
    }

    /** Publishes the test pattern to the driver's own endpoint (token "good") unless it is already live. */
    private static Process startPublishing() throws Exception {
        if (publisher == null || !publisher.isAlive()) {
            publisher = ffmpeg(driver.publishEndpoints(STREAM, "good").get(0).url(), "good");
        }
        await("ffmpeg publishes " + STREAM).atMost(WAIT).untilAsserted(() -> {
            assertThat(publisher.isAlive())
                    .as("ffmpeg is running; see its log in " + work)
                    .isTrue();
            assertThat(find(driver.state().block(WAIT), STREAM))
                    .hasValueSatisfying(stream -> assertThat(stream.alive()).isTrue());
        });
        return publisher;
    }

    private static Process ffmpeg(String url, String label) throws IOException {
        Process process = new ProcessBuilder(
                        FFMPEG.toString(),
                        "-hide_banner",
                        "-loglevel",
                        "error",
                        "-nostdin",
                        "-re",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc=size=320x240:rate=25",
                        "-f",
                        "lavfi",
                        "-i",
                        "sine=frequency=1000",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-tune",
                        "zerolatency",
                        "-g",
                        "25",
                        "-c:a",
                        "aac",
                        "-f",
                        "flv",
                        url)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("ffmpeg-" + label + "-" + PUBLISHERS.size() + ".log")
                        .toFile())
                .start();
        PUBLISHERS.add(process);
        return process;
    }

    private static Optional<StreamState> find(RuntimeState state, String name) {
        return state.streams().stream()
                .filter(stream -> stream.name().equals(name))
                .findFirst();
    }

    private static long bytesIn(UsageCounters counters) {
        return counters.counters().stream()
                .filter(counter ->
                        counter.stream().equals(STREAM) && counter.series().equals("bytes_in"))
                .mapToLong(Counter::value)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bytes_in of " + STREAM + " in " + counters));
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int cut = pair.indexOf('=');
            if (cut > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, cut), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(cut + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** SIGTERM (nginx's master then stops its workers), then SIGKILL to it and anything it left behind. */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
    }
}
