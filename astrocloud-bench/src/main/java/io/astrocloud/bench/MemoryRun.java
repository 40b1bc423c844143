package io.astrocloud.bench;

import java.util.List;

/** Walks a file in a child JVM under {@code -Xmx64m} and reads what {@link MemoryProbeMain} reports. */
final class MemoryRun {
    /** The heap limit of the issue. */
    static final String MAX_HEAP = "64m";

    private MemoryRun() {
    }

    /** Walks {@code url} {@code walks} times in the child. */
    static MemoryResult walk(String url, int walks) {
        try (ChildJvm child = ChildJvm.start(List.of("-Xmx" + MAX_HEAP), MemoryProbeMain.class,
                url, Integer.toString(walks))) {
            String[] f = child.await("RESULT ").split(" ");
            return new MemoryResult(MAX_HEAP, Integer.parseInt(f[0]), Integer.parseInt(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), null);
        } catch (Exception e) {
            return new MemoryResult(MAX_HEAP, 0, 0, 0, 0, 0, 0, 0, String.valueOf(e.getMessage()));
        }
    }
}
