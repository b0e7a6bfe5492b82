package io.streamgate.loadtests;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An endless feeder that hands the viewers out in turn, so the mix of streams and domains is exactly the one the
 * set-up made. Gatling builds its scenarios before {@code before()} creates the streams, so the list is filled later.
 */
final class ViewerFeeder implements Iterator<Map<String, Object>> {

    private volatile List<Viewer> viewers = List.of();
    private final AtomicLong next = new AtomicLong();

    void fill(List<Viewer> created) {
        if (created.isEmpty()) {
            throw new IllegalArgumentException("viewers: none (expected: at least one stream to play)");
        }
        viewers = List.copyOf(created);
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Map<String, Object> next() {
        List<Viewer> current = viewers;
        if (current.isEmpty()) {
            throw new IllegalStateException("no viewers yet: the simulation's before() has not created its streams");
        }
        return current.get((int) (next.getAndIncrement() % current.size())).attributes();
    }
}
