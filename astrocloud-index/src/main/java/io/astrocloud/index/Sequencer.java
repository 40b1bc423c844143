package io.astrocloud.index;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code sequencer} of an S3 event, made comparable by DynamoDB. S3 documents that the
 * sequencers of two events on one key are hexadecimal strings of possibly different lengths, to
 * be compared by right-padding the shorter with zeros and then comparing lexicographically (S3
 * User Guide, "Event message structure"). Stored right-padded to a fixed width and in upper case,
 * a sequencer compares correctly with DynamoDB's own string comparison, inside a condition
 * expression. Backfills (S3 Batch Operations) have no sequencer: {@link #NONE} sorts before every
 * event's.
 */
public final class Sequencer implements Comparable<Sequencer> {
    /** The width sequencers are padded to; S3's are 16 to 20 hex digits today. */
    public static final int WIDTH = 64;
    /** No sequencer (a backfill): before every event's. */
    public static final Sequencer NONE = new Sequencer("");
    private static final Pattern HEX = Pattern.compile("[0-9A-F]+");

    private final String padded;

    private Sequencer(String padded) {
        this.padded = padded;
    }

    /**
     * The sequencer an event carried.
     *
     * @throws IllegalArgumentException if it is not hexadecimal or is longer than {@link #WIDTH}
     */
    public static Sequencer of(String hex) {
        if (hex == null || hex.isEmpty()) {
            throw new IllegalArgumentException("the event has no sequencer");
        }
        String upper = hex.toUpperCase(Locale.ROOT);
        if (!HEX.matcher(upper).matches() || upper.length() > WIDTH) {
            throw new IllegalArgumentException("not an S3 sequencer (hexadecimal, at most " + WIDTH
                    + " digits): \"" + hex + "\"");
        }
        return new Sequencer(upper + "0".repeat(WIDTH - upper.length()));
    }

    /** The sequencer as stored (padded), or "" for {@link #NONE}. */
    public static Sequencer stored(String value) {
        return value == null || value.isEmpty() ? NONE : new Sequencer(value);
    }

    /** The stored form: right-padded to {@link #WIDTH}, upper case; "" for {@link #NONE}. */
    public String value() {
        return padded;
    }

    /** True for a backfill's missing sequencer. */
    public boolean isNone() {
        return padded.isEmpty();
    }

    @Override
    public int compareTo(Sequencer other) {
        return padded.compareTo(other.padded);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sequencer && ((Sequencer) o).padded.equals(padded);
    }

    @Override
    public int hashCode() {
        return padded.hashCode();
    }

    @Override
    public String toString() {
        return isNone() ? "(none)" : padded.replaceFirst("0+$", "");
    }
}
