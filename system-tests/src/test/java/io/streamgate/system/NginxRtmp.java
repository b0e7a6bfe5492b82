package io.streamgate.system;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx with Debian's RTMP module, configured from the driver-nginx-rtmp plugin's own template, so the test runs
 * the configuration operators are told to use.
 */
final class NginxRtmp implements AutoCloseable {

    static final Path TEMPLATE = Path.of("../plugins/driver-nginx-rtmp/nginx/nginx-rtmp.conf.template");
    static final String APP = "live";

    final int rtmpPort;
    final int httpPort;
    private final Process process;
    private final Path log;

    private NginxRtmp(Path prefix, String onPublishUrl) throws IOException, InterruptedException {
        rtmpPort = Ports.free();
        httpPort = Ports.free();
        Files.createDirectories(prefix.resolve("hls"));
        Files.createDirectories(prefix.resolve("logs"));
        String conf = Files.readString(TEMPLATE, StandardCharsets.UTF_8)
                .replace("${PREFIX}", prefix.toAbsolutePath().toString())
                .replace("${RTMP_PORT}", Integer.toString(rtmpPort))
                .replace("${HTTP_PORT}", Integer.toString(httpPort))
                .replace("${ON_PUBLISH_URL}", onPublishUrl)
                .replace("${APP}", APP);
        Path confFile = prefix.resolve("nginx.conf");
        Files.writeString(confFile, conf, StandardCharsets.UTF_8);
        log = prefix.resolve("nginx-stdout.log");
        process = new ProcessBuilder(
                        "/usr/sbin/nginx",
                        "-p",
                        prefix.toAbsolutePath() + "/",
                        "-c",
                        confFile.toAbsolutePath().toString(),
                        // Before the config is read nginx opens its compiled-in error log, which a normal user
                        // cannot write.
                        "-e",
                        prefix.toAbsolutePath().resolve("logs/error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitListening(rtmpPort);
        awaitListening(httpPort);
    }

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/nginx"))
                && Files.exists(Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so"))
                && Files.exists(TEMPLATE);
    }

    /** Starts nginx in {@code prefix} with on_publish pointing at the given URL. */
    static NginxRtmp start(Path prefix, String onPublishUrl) throws IOException, InterruptedException {
        return new NginxRtmp(prefix, onPublishUrl);
    }

    String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    String rtmpUrl() {
        return "rtmp://127.0.0.1:" + rtmpPort + "/" + APP;
    }

    private void awaitListening(int port) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": "
                        + String.join("\n", Files.exists(log) ? Files.readAllLines(log) : List.of()));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx not listening on " + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
