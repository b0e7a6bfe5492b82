package io.streamgate.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A real player (Debian's ffmpeg) plays the live stream for six seconds without a single decode error. */
@Tag("integration")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "streamgate.sim.signing.keys=" + StreamerSimIntegrationTests.KEYS)
class FfmpegPlaybackIntegrationTests {

    private static final Path FFMPEG = Path.of("/usr/bin/ffmpeg");

    @LocalServerPort
    int port;

    @Test
    void ffmpegPlaysTheSignedLiveStreamWithoutErrors(@TempDir Path temp) throws IOException, InterruptedException {
        assertThat(Files.isExecutable(FFMPEG))
                .as("%s is missing: install it (apt-get install ffmpeg); CI installs it", FFMPEG)
                .isTrue();
        WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port)
                .build()
                .put()
                .uri("/streamer/api/v3/streams/201_ffmpeg")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"inputs\": [{\"url\": \"fake://pattern\"}]}")
                .exchange()
                .expectStatus()
                .isCreated();
        String url = "http://127.0.0.1:" + port + "/201_ffmpeg/index.m3u8?"
                + StreamerSimIntegrationTests.signed("201_ffmpeg", "ffmpeg");
        Path stderr = temp.resolve("ffmpeg.err");

        Process ffmpeg = new ProcessBuilder(
                        List.of(FFMPEG.toString(), "-nostdin", "-v", "error", "-i", url, "-t", "6", "-f", "null", "-"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(stderr.toFile())
                .start();
        boolean finished = ffmpeg.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            ffmpeg.destroyForcibly();
        }

        String errors = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(finished)
                .as("ffmpeg finished within 60 s; stderr: %s", errors)
                .isTrue();
        assertThat(ffmpeg.exitValue())
                .as("ffmpeg exit code; stderr: %s", errors)
                .isZero();
        assertThat(errors).as("ffmpeg stderr").isEmpty();
    }
}
