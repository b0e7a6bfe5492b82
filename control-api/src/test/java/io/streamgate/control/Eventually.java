package io.streamgate.control;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Waits for a state that background work (polls, reconcile rounds) reaches on its own. The deadline only bounds a
 * broken test; nothing asserts how fast the state is reached.
 */
public final class Eventually {

    private static final Duration DEADLINE = Duration.ofSeconds(40);

    private Eventually() {}

    /** Returns the first non-null value {@code probe} yields; fails with {@code what} once the deadline passes. */
    public static <T> T get(String what, Supplier<T> probe) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        T value = probe.get();
        while (value == null) {
            if (System.nanoTime() > end) {
                throw new AssertionError("never happened: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
            value = probe.get();
        }
        return value;
    }

    /** Waits until {@code condition} holds. */
    public static void until(String what, Supplier<Boolean> condition) {
        get(what, () -> condition.get() ? Boolean.TRUE : null);
    }
}
