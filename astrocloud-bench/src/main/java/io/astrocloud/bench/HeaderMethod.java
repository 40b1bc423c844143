package io.astrocloud.bench;

/** One way of reading every header of a file, compared with the others in the per-file tables. */
interface HeaderMethod extends AutoCloseable {
    /** Its name in the tables. */
    String name();

    /** Whether it moves megabytes (whole files, 5 MiB blocks): repeated fewer times on large files. */
    default boolean slow() {
        return false;
    }

    /** Reads every header of {@code file} once. */
    Trial read(BenchFile file) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
