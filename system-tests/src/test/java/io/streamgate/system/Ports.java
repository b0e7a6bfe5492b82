package io.streamgate.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the processes a test starts. A port the kernel hands out for {@code bind(0)} comes from the ephemeral
 * range, the same range outgoing connections take theirs from: in the seconds before the process binds it, a
 * connection to PostgreSQL or Redis may take it ("Port 44039 was already in use" in CI). These are picked below that
 * range, where no outgoing connection lands, and never twice in one run.
 */
final class Ports {

    private static final int LOWEST = 10_000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private Ports() {}

    /** A port no one listens on now, outside the ephemeral range, not handed out before by this JVM. */
    static synchronized int free() throws IOException {
        int ceiling = ephemeralLow();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ceiling);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                // bound, so free now
            } catch (IOException taken) {
                continue;
            }
            HANDED_OUT.add(port);
            return port;
        }
        throw new IOException("no free port in " + LOWEST + ".." + ceiling);
    }

    private static int ephemeralLow() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .trim();
            int low = Integer.parseInt(range.split("\\s+")[0]);
            return low > LOWEST + 1_000 ? low : 32_768;
        } catch (IOException | RuntimeException notLinux) {
            return 32_768;
        }
    }
}
