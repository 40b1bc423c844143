package io.astrocloud.bench.micro;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** A JMH counter of cards parsed, reported as cards per second next to the operations. */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class ParsedCards {
    /** Cards parsed in this iteration. */
    public long cards;

    /** Starts each iteration from zero. */
    @Setup(Level.Iteration)
    public void reset() {
        cards = 0;
    }
}
