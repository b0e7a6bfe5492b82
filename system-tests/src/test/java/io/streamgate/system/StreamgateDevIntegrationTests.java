package io.streamgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's first command: {@code ./streamgate dev} with no PostgreSQL or Redis configured starts the whole cloud
 * on the fixed dev ports, prints a play URL that ffmpeg decodes, and stops everything when told to.
 */
@Tag("integration")
class StreamgateDevIntegrationTests {

    /** The fixed contract of ARCHITECTURE.md: gateway, its management port, control-api, the three sims. */
    private static final List<Integer> DEV_PORTS = List.of(8080, 9080, 8081, 8091, 8092, 8093);

    private static final Pattern PLAY_URL = Pattern.compile("Play URL\\s+(http://127\\.0\\.0\\.1:8080/\\S+)");

    @Test
    void startsTheCloudOnEmbeddedDefaultsPrintsAPlayableUrlAndStopsCleanly() throws Exception {
        for (int port : DEV_PORTS) {
            assertThat(listening(port))
                    .as("port %d is taken: stop whatever runs there (a running ./streamgate dev?) and retry", port)
                    .isFalse();
        }
        Path root = Path.of(System.getProperty("streamgate.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path output = Path.of(System.getProperty("streamgate.logs.directory", "target/system-logs"))
                .resolve("streamgate-dev.out");
        Files.createDirectories(output.getParent());
        ProcessBuilder builder = new ProcessBuilder("./streamgate", "dev")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // Embedded defaults: nothing of the test environment may point the cloud at PostgreSQL or Redis.
        builder.environment().keySet().removeIf(key -> key.startsWith("STREAMGATE_"));
        Process dev = builder.start();
        try {
            String playUrl = awaitPlayUrl(dev, output, Duration.ofMinutes(4));
            assertThat(Ffmpeg.decodedVideoFrames(playUrl, 4)).isGreaterThanOrEqualTo(25);
            assertThat(Http.play("http://127.0.0.1:8080", "demo.localhost", "/demo/index.m3u8")
                            .statusCode())
                    .isEqualTo(200);
        } finally {
            // SIGTERM, as Ctrl-C's sibling: the script stops every process it started.
            dev.destroy();
            assertThat(dev.waitFor(60, TimeUnit.SECONDS))
                    .as("./streamgate dev stopped")
                    .isTrue();
        }
        for (int port : DEV_PORTS) {
            assertThat(listening(port)).as("port %d after stop", port).isFalse();
        }
    }

    private static String awaitPlayUrl(Process dev, Path output, Duration timeout)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String printed = Files.exists(output) ? Files.readString(output) : "";
            Matcher url = PLAY_URL.matcher(printed);
            if (url.find() && printed.contains("Ctrl-C stops everything")) {
                return url.group(1);
            }
            assertThat(dev.isAlive())
                    .as("./streamgate dev exited early:\n" + printed)
                    .isTrue();
            Thread.sleep(500);
        }
        throw new AssertionError("no play URL within " + timeout + ":\n" + Files.readString(output));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
