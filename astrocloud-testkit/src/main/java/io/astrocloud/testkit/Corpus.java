package io.astrocloud.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The shared corpus of real FITS files written by other projects (see {@code corpus/README.md}).
 * Found in {@code $ASTROCLOUD_CORPUS} or {@code ~/.cache/astrocloud/corpus}; fetched there with
 * {@code corpus/fetch.sh} on first use.
 */
public final class Corpus {
    /** Environment variable that names the corpus directory. */
    public static final String DIR_ENV = "ASTROCLOUD_CORPUS";
    private static Path dir;

    private Corpus() {
    }

    /** The corpus directory, fetched first if it is not complete. */
    public static synchronized Path dir() throws IOException {
        if (dir != null) {
            return dir;
        }
        String env = System.getenv(DIR_ENV);
        Path d = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "astrocloud", "corpus");
        if (!Files.exists(d.resolve(".complete"))) {
            fetch(d);
        }
        dir = d;
        return d;
    }

    /** Every corpus file, sorted by name. */
    public static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")
                            && !p.getFileName().toString().equals("SHA256SUMS"))
                    .sorted().collect(Collectors.toList());
        }
    }

    /**
     * Names of the files a ranged walk reads as astropy does: neither gzip-compressed (those can
     * only be streamed) nor mapped by astropy as non-standard ({@link GoldenCorpus#nonstandard()}).
     */
    public static Stream<String> rangeWalkableNames() throws IOException {
        List<String> names = new java.util.ArrayList<>();
        for (Path f : files()) {
            String name = f.getFileName().toString();
            if (!name.endsWith(".gz") && !GoldenCorpus.of(name).nonstandard()) {
                names.add(name);
            }
        }
        return names.stream();
    }

    /** Names of the gzip-compressed files. */
    public static Stream<String> gzipNames() throws IOException {
        return files().stream().map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".gz"));
    }

    /** One corpus file by name. */
    public static Path file(String name) throws IOException {
        Path p = dir().resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new IOException("not in the corpus: " + name);
        }
        return p;
    }

    private static void fetch(Path target) throws IOException {
        Path script = findScript();
        ProcessBuilder pb = new ProcessBuilder("sh", script.toString(), target.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try {
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("corpus/fetch.sh failed; run it by hand: sh " + script + " " + target);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the corpus", e);
        }
    }

    private static Path findScript() throws IOException {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("corpus").resolve("fetch.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IOException("corpus/fetch.sh not found above " + Path.of("").toAbsolutePath()
                + "; set " + DIR_ENV + " to a directory holding the corpus");
    }
}
