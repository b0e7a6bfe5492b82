package io.streamgate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Debian's ffmpeg as the player, which must decode real video from a play URL, and as the encoder publishing to RTMP. */
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

    /**
     * Starts publishing a live H.264/AAC test pattern to an RTMP URL, at real-time pace, until destroyed. Its stderr
     * goes to the given log file.
     */
    static Process publishTestPattern(String rtmpUrl, java.nio.file.Path log) throws IOException {
        return new ProcessBuilder(
                        "ffmpeg",
                        "-nostdin",
                        "-hide_banner",
                        "-loglevel",
                        "error",
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
                        rtmpUrl)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
    }
}
