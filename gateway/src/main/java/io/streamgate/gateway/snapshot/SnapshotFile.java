package io.streamgate.gateway.snapshot;

import io.streamgate.domain.snapshot.ConfigSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** The last-known-good snapshot on disk. File I/O blocks, so it runs on the given (bounded elastic) scheduler. */
final class SnapshotFile {

    private final Path file;
    private final Scheduler scheduler;

    SnapshotFile(Path file, Scheduler scheduler) {
        this.file = file;
        this.scheduler = scheduler;
    }

    Path path() {
        return file;
    }

    /**
     * Writes the snapshot's JSON as fetched (a million streams are not serialized again) to a temporary file beside
     * the target, then renames, so a crash never leaves half a snapshot.
     */
    Mono<Void> write(byte[] json) {
        return Mono.<Void>fromRunnable(() -> {
                    try {
                        Path dir = file.toAbsolutePath().getParent();
                        Files.createDirectories(dir);
                        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
                        try {
                            Files.write(tmp, json);
                            move(tmp);
                        } finally {
                            Files.deleteIfExists(tmp);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .subscribeOn(scheduler);
    }

    private void move(Path tmp) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The stored snapshot, or empty when there is none. */
    Mono<ConfigSnapshot> read() {
        return Mono.fromCallable(() -> {
                    try {
                        return SnapshotReader.read(Files.readAllBytes(file), SnapshotIndex.EMPTY);
                    } catch (NoSuchFileException e) {
                        return null;
                    }
                })
                .subscribeOn(scheduler);
    }
}
