package io.astrocloud.testkit.azure;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Azurite's blob service ({@code azurite-blob}, Microsoft's Azure Storage emulator from npm) as a
 * child process on a free loopback port, over a temporary data directory removed on close. The
 * package is installed with npm on first use into {@code $ASTROCLOUD_AZURITE_HOME} or
 * {@code ~/.cache/astrocloud/azurite} (one install shared by every module and worktree, guarded
 * by a file lock). Needs Node.js and npm on the PATH.
 */
public final class AzuriteProcess implements AutoCloseable {
    /** The Azurite release: the last one that runs on Node 20. */
    public static final String VERSION = "3.35.0";
    /** Environment variable naming the directory Azurite is installed into. */
    public static final String HOME_ENV = "ASTROCLOUD_AZURITE_HOME";

    private static final Pattern LISTENING = Pattern.compile("successfully listens on (http://\\S+)");

    private final Process process;
    private final Path dataDir;
    private final String endpoint;
    private final Thread reaper;

    private AzuriteProcess(Process process, Path dataDir, String endpoint) {
        this.process = process;
        this.dataDir = dataDir;
        this.endpoint = endpoint;
        this.reaper = new Thread(process::destroyForcibly, "azurite-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Installs Azurite if needed and starts its blob service. */
    public static AzuriteProcess start() throws IOException {
        Path bin = install().resolve("node_modules").resolve(".bin").resolve("azurite-blob");
        Path data = Files.createTempDirectory("astrocloud-azurite");
        Path log = data.resolve("azurite.log");
        Process p = new ProcessBuilder(bin.toString(), "--blobHost", "127.0.0.1", "--blobPort", "0",
                "--location", data.resolve("store").toString(), "--disableTelemetry", "--skipApiVersionCheck")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return new AzuriteProcess(p, data, m.group(1));
            }
            if (!p.isAlive()) {
                break;
            }
            sleep(20);
        }
        p.destroyForcibly();
        throw new IOException("azurite-blob did not start: " + Files.readString(log, StandardCharsets.UTF_8));
    }

    /** The blob service's origin, e.g. {@code http://127.0.0.1:43005}; accounts are path segments. */
    public String origin() {
        return endpoint;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
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
        deleteTree(dataDir);
    }

    /** The install directory, with Azurite {@value #VERSION} in it. */
    static Path install() throws IOException {
        String env = System.getenv(HOME_ENV);
        Path home = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "astrocloud", "azurite");
        Files.createDirectories(home);
        try (FileChannel lockFile = FileChannel.open(home.resolve(".install.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
            if (!installedVersion(home).equals(VERSION)) {
                npmInstall(home);
            }
        }
        return home;
    }

    private static String installedVersion(Path home) throws IOException {
        Path pkg = home.resolve("node_modules").resolve("azurite").resolve("package.json");
        if (!Files.isRegularFile(pkg) || !Files.isRegularFile(home.resolve("node_modules/.bin/azurite-blob"))) {
            return "";
        }
        Matcher m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(Files.readString(pkg));
        return m.find() ? m.group(1) : "";
    }

    private static void npmInstall(Path home) throws IOException {
        Path log = home.resolve("npm-install.log");
        Process npm = new ProcessBuilder("npm", "install", "--prefix", home.toString(), "azurite@" + VERSION,
                "--no-audit", "--no-fund", "--loglevel=error")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IOException("npm install azurite@" + VERSION + " failed: "
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            npm.destroyForcibly();
            throw new IOException("interrupted while installing Azurite", e);
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Azurite", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
