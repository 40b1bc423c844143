package io.astrocloud.index.search;

/**
 * A closed interval of MJD: an HDU matches when its [t_min, t_max] overlaps it (an HDU with only
 * t_min is the instant t_min). Either end may be infinite for an open interval.
 *
 * @param mjdMin start, MJD (or negative infinity)
 * @param mjdMax end, MJD (or positive infinity), not before the start
 */
public record TimeInterval(double mjdMin, double mjdMax) {
    /** Checks the order. */
    public TimeInterval {
        if (Double.isNaN(mjdMin) || Double.isNaN(mjdMax) || mjdMax < mjdMin) {
            throw new IllegalArgumentException("a time interval's end must not precede its start: " + mjdMin + "/"
                    + mjdMax);
        }
    }

    /** True when [min, max] overlaps this interval. */
    public boolean overlaps(double min, double max) {
        return min <= mjdMax && max >= mjdMin;
    }
}
