package io.astrocloud.bench;

import java.nio.file.Path;

/**
 * A file the benchmark reads, with its limit: the header bytes alone, and one round trip per HDU
 * for a reader that learns each offset from the previous header.
 *
 * @param name        its name in the tables
 * @param generated   true for a generated file (sparse), false for a real corpus file
 * @param local       where it lies on disk, served from there
 * @param size        its size in bytes
 * @param hdus        its HDUs
 * @param headerBytes the bytes of all its headers
 */
public record BenchFile(String name, boolean generated, Path local, long size, int hdus, long headerBytes) {
    /** The path the HTTP server serves it at, and its key on S3. */
    public String key() {
        return (generated ? "generated/" : "corpus/") + name;
    }

    /** True when the data dwarfs the headers (the "large" files: at least 50 MB). */
    public boolean large() {
        return size >= 50_000_000L;
    }
}
