package io.astrocloud.index;

import java.util.ArrayList;
import java.util.List;

/**
 * HDU numbers written compactly, as an HDU item lists the HDUs it stands for: ascending numbers
 * as comma-separated runs, {@code 1-80} or {@code 0,2,5-9}.
 */
public final class HduRanges {
    private HduRanges() {
    }

    /** The runs of {@code indexes} (ascending). */
    public static String format(List<Integer> indexes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < indexes.size(); ) {
            int start = indexes.get(i);
            int j = i;
            while (j + 1 < indexes.size() && indexes.get(j + 1) == indexes.get(j) + 1) {
                j++;
            }
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(start);
            if (j > i) {
                s.append('-').append(indexes.get(j));
            }
            i = j + 1;
        }
        return s.toString();
    }

    /**
     * The numbers {@code runs} lists.
     *
     * @throws IllegalArgumentException when it is not a list of runs
     */
    public static List<Integer> parse(String runs) {
        List<Integer> indexes = new ArrayList<>();
        for (String run : runs.split(",")) {
            int dash = run.indexOf('-');
            try {
                int from = Integer.parseInt(dash < 0 ? run : run.substring(0, dash));
                int to = dash < 0 ? from : Integer.parseInt(run.substring(dash + 1));
                if (to < from) {
                    throw new IllegalArgumentException("not HDU runs: " + runs);
                }
                for (int i = from; i <= to; i++) {
                    indexes.add(i);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not HDU runs: " + runs, e);
            }
        }
        return indexes;
    }
}
