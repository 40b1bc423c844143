package io.astrocloud.testkit.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A test server run as a child process (Azurite, a Kafka broker): the process is the server
 * itself, not a shell around it, so that it is stopped by its own PID; its output and errors go
 * to a log file that tells when it is ready; it is stopped on close (SIGTERM, then SIGKILL after
 * {@link #STOP_TIMEOUT}) or when this JVM exits, and its scratch folder is removed.
 */
public final class ServerProcess implements AutoCloseable {
    /** How long a server may take to stop before it is killed. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final Process process;
    private final Path log;
    private final Path scratch;
    private final Thread reaper;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ServerProcess(Process process, Path log, Path scratch) {
        this.process = process;
        this.log = log;
        this.scratch = scratch;
        this.reaper = new Thread(process::destroyForcibly, "server-process-reaper-" + process.pid());
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts {@code command} with its output and errors in {@code log}; {@code scratch} (the
     * server's data, usually holding the log) is removed when it stops.
     */
    public static ServerProcess start(List<String> command, Path log, Path scratch) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ServerProcess(p, log, scratch);
    }

    /**
     * Waits until the log matches {@code ready} and returns the match. If the process exits or
     * {@code timeout} passes first, stops it and fails with the end of its log.
     */
    public Matcher awaitLog(Pattern ready, Duration timeout, String server) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = ready.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
            if (m.find()) {
                return m;
            }
            if (!process.isAlive()) {
                break;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IOException("interrupted while waiting for " + server, e);
            }
        }
        String tail = tail(log, 30);
        String what = process.isAlive() ? "did not start within " + timeout.toSeconds() + " s"
                : "exited with status " + process.exitValue() + " before it was ready";
        close();
        throw new IOException(server + " " + what + "; its log (" + log + ") ends:\n" + tail);
    }

    /** The server's process id. */
    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway.
        }
        if (scratch != null) {
            deleteTree(scratch);
        }
    }

    /** The last {@code lines} lines of a log file (empty if it cannot be read). */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(the log cannot be read: " + e + ")";
        }
    }

    /** Removes a folder and everything in it; a temporary folder left behind is harmless. */
    public static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Left behind.
        }
    }
}
