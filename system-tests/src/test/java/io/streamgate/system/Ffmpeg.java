package io.streamgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Debian's ffmpeg as the player: it must decode real video from a play URL. */
final class Ffmpeg {

    private Ffmpeg() {}

    /** Decodes the first video track for the given seconds and returns how many frames came out. */
    static long decodedVideoFrames(String url, int seconds) throws IOException, InterruptedException {
        Process ffmpeg = new ProcessBuilder(
                        "ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-i",
                        url,
                        "-map",
                        "0:v:0",
                        "-t",
                        Integer.toString(seconds),
                        "-f",
                        "framecrc",
                        "-")
                .start();
        try {
            // stderr is small (errors only) and read after stdout, which framecrc fills with one line a frame.
            String frames = new String(ffmpeg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String errors = new String(ffmpeg.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS))
                    .as("ffmpeg finished")
                    .isTrue();
            assertThat(ffmpeg.exitValue())
                    .as("ffmpeg exit code; stderr: " + errors)
                    .isZero();
            return frames.lines().filter(line -> line.startsWith("0,")).count();
        } finally {
            ffmpeg.destroyForcibly();
        }
    }
}
