package io.astrocloud.index.search;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to look for, as SIAv2 asks it: every given filter must hold (AND); the names of one filter
 * are alternatives (OR). Names match whatever their case, spaces and punctuation
 * ({@code NGC 1316} = {@code ngc1316}, see {@code NameKey}). Results are sorted by distance from the
 * cone's centre when a cone is given.
 *
 * @param cone         the sky region, if any
 * @param time         the time interval, if any
 * @param targets      target names (OBJECT, TARGNAME), none for any
 * @param instruments  instrument names (INSTRUME), none for any
 * @param facilities   facility names (TELESCOP), none for any
 * @param filters      filter names (FILTER), none for any
 * @param productTypes ObsCore dataproduct_type values (image, cube, ...), none for any
 * @param exposure     t_exptime bounds in seconds, if any
 * @param maxRecords   at most this many hits (at least 1)
 */
public record SearchQuery(Optional<Cone> cone, Optional<TimeInterval> time, List<String> targets,
                          List<String> instruments, List<String> facilities, List<String> filters,
                          Set<String> productTypes, Optional<Range> exposure, int maxRecords) {
    /** The default limit on hits. */
    public static final int DEFAULT_MAX_RECORDS = 1000;

    /** Copies the lists; checks the limit. */
    public SearchQuery {
        targets = List.copyOf(targets);
        instruments = List.copyOf(instruments);
        facilities = List.copyOf(facilities);
        filters = List.copyOf(filters);
        productTypes = Set.copyOf(productTypes);
        if (maxRecords < 1) {
            throw new IllegalArgumentException("the most hits to return must be at least 1, not " + maxRecords);
        }
    }

    /** A query that matches everything, up to the default limit; narrow it with the {@code with} methods. */
    public static SearchQuery all() {
        return new SearchQuery(Optional.empty(), Optional.empty(), List.of(), List.of(), List.of(), List.of(),
                Set.of(), Optional.empty(), DEFAULT_MAX_RECORDS);
    }

    /** This query within {@code c}. */
    public SearchQuery withCone(Cone c) {
        return new SearchQuery(Optional.of(c), time, targets, instruments, facilities, filters, productTypes,
                exposure, maxRecords);
    }

    /** This query within {@code t}. */
    public SearchQuery withTime(TimeInterval t) {
        return new SearchQuery(cone, Optional.of(t), targets, instruments, facilities, filters, productTypes,
                exposure, maxRecords);
    }

    /** This query for these targets. */
    public SearchQuery withTargets(List<String> names) {
        return new SearchQuery(cone, time, names, instruments, facilities, filters, productTypes, exposure,
                maxRecords);
    }

    /** This query for these instruments. */
    public SearchQuery withInstruments(List<String> names) {
        return new SearchQuery(cone, time, targets, names, facilities, filters, productTypes, exposure,
                maxRecords);
    }

    /** This query for these facilities. */
    public SearchQuery withFacilities(List<String> names) {
        return new SearchQuery(cone, time, targets, instruments, names, filters, productTypes, exposure,
                maxRecords);
    }

    /** This query for these filters. */
    public SearchQuery withFilters(List<String> names) {
        return new SearchQuery(cone, time, targets, instruments, facilities, names, productTypes, exposure,
                maxRecords);
    }

    /** This query for these product types. */
    public SearchQuery withProductTypes(Set<String> types) {
        return new SearchQuery(cone, time, targets, instruments, facilities, filters, types, exposure, maxRecords);
    }

    /** This query for exposures within {@code seconds}. */
    public SearchQuery withExposure(Range seconds) {
        return new SearchQuery(cone, time, targets, instruments, facilities, filters, productTypes,
                Optional.of(seconds), maxRecords);
    }

    /** This query with at most {@code n} hits. */
    public SearchQuery withMaxRecords(int n) {
        return new SearchQuery(cone, time, targets, instruments, facilities, filters, productTypes, exposure, n);
    }

    /**
     * A closed numeric interval; either end may be infinite.
     *
     * @param min lower bound
     * @param max upper bound, not below {@code min}
     */
    public record Range(double min, double max) {
        /** Checks the order. */
        public Range {
            if (Double.isNaN(min) || Double.isNaN(max) || max < min) {
                throw new IllegalArgumentException("a range's upper bound must not be below its lower: " + min + "/"
                        + max);
            }
        }

        /** True when {@code v} lies within. */
        public boolean contains(double v) {
            return v >= min && v <= max;
        }
    }
}
