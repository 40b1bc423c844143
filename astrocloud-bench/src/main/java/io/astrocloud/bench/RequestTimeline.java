package io.astrocloud.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When each request of a walk was in flight, as {@code [start, end)} in nanoseconds. Requests
 * whose intervals overlap were waited for together: the number of groups of overlapping requests
 * is the number of round trips on the critical path ("rounds"), whatever the number of requests.
 */
final class RequestTimeline {
    private final List<long[]> intervals = new ArrayList<>();

    /** Records one request that was in flight from {@code startNanos} to {@code endNanos}. */
    synchronized void record(long startNanos, long endNanos) {
        intervals.add(new long[] {startNanos, endNanos});
    }

    /** Requests recorded. */
    synchronized int requests() {
        return intervals.size();
    }

    /** Groups of requests linked by overlapping intervals: the round trips one after another. */
    synchronized int rounds() {
        List<long[]> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingLong(i -> i[0]));
        int rounds = 0;
        long groupEnd = Long.MIN_VALUE;
        for (long[] i : sorted) {
            if (i[0] >= groupEnd) {
                rounds++;
                groupEnd = i[1];
            } else {
                groupEnd = Math.max(groupEnd, i[1]);
            }
        }
        return rounds;
    }
}
