package io.astrocloud.testkit.azure;

import io.astrocloud.testkit.process.ServerProcess;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private final ServerProcess server;
    private final String endpoint;

    private AzuriteProcess(ServerProcess server, String endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /** Installs Azurite if needed and starts its blob service. */
    public static AzuriteProcess start() throws IOException {
        Path bin = install().resolve("node_modules").resolve(".bin").resolve("azurite-blob");
        Path data = Files.createTempDirectory("astrocloud-azurite");
        Path log = data.resolve("azurite.log");
        List<String> command = List.of(bin.toString(), "--blobHost", "127.0.0.1", "--blobPort", "0",
                "--location", data.resolve("store").toString(), "--disableTelemetry", "--skipApiVersionCheck");
        ServerProcess server = ServerProcess.start(command, log, data);
        Matcher listening = server.awaitLog(LISTENING, Duration.ofSeconds(30), "azurite-blob");
        return new AzuriteProcess(server, listening.group(1));
    }

    /** The blob service's origin, e.g. {@code http://127.0.0.1:43005}; accounts are path segments. */
    public String origin() {
        return endpoint;
    }

    @Override
    public void close() {
        server.close();
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
}
