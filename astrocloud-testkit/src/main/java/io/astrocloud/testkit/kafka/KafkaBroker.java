package io.astrocloud.testkit.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A real Apache Kafka broker for tests and the demo: Kafka's own jars run as a separate Java
 * process in KRaft mode (broker and controller in one node), the way an operator runs
 * {@code kafka-server-start.sh}: {@code kafka.tools.StorageTool format}, then {@code kafka.Kafka
 * server.properties}. Ports are picked free on 127.0.0.1 and written into server.properties;
 * data and the broker's log live in a temporary folder removed on close. Or, when
 * {@value #BOOTSTRAP_ENV} is set, an external broker that is already running.
 *
 * <p>The jars come from a Kafka distribution folder holding {@code lib/*.jar} (Kafka's
 * {@code libs/}, or the zip of module {@code kafka-dist} unpacked). Nothing of Kafka is on the
 * caller's class path: the broker is another process, started with {@code java} from this JVM's
 * {@code java.home}.
 */
public final class KafkaBroker implements AutoCloseable {
    /** Environment variable naming an external broker ({@code host:port,...}) to use instead. */
    public static final String BOOTSTRAP_ENV = "ASTROCLOUD_TEST_KAFKA_BOOTSTRAP";
    /** System property naming the Kafka distribution folder (with {@code lib/*.jar}). */
    public static final String HOME_PROPERTY = "astrocloud.kafka.home";

    private static final String STARTED = "Kafka Server started";
    private static final long START_TIMEOUT_SECONDS = 90;

    private final String bootstrapServers;
    private final Process process;
    private final Path dir;
    private final Thread reaper;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KafkaBroker(String bootstrapServers, Process process, Path dir) {
        this.bootstrapServers = bootstrapServers;
        this.process = process;
        this.dir = dir;
        if (process != null) {
            this.reaper = new Thread(process::destroyForcibly, "kafka-broker-reaper");
            Runtime.getRuntime().addShutdownHook(reaper);
        } else {
            this.reaper = null;
        }
    }

    /**
     * The broker named by {@value #BOOTSTRAP_ENV}, else a new one from the distribution named by
     * the system property {@value #HOME_PROPERTY}.
     */
    public static KafkaBroker start() throws IOException {
        String external = System.getenv(BOOTSTRAP_ENV);
        if (external != null && !external.isBlank()) {
            return new KafkaBroker(external.trim(), null, null);
        }
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            throw new IOException("no Kafka broker: set " + BOOTSTRAP_ENV + " to a running broker, or the system property "
                    + HOME_PROPERTY + " to a folder holding Kafka's lib/*.jar");
        }
        return start(Path.of(home));
    }

    /** Formats a new single-node KRaft cluster and starts its broker from {@code home}'s lib/*.jar. */
    public static KafkaBroker start(Path home) throws IOException {
        Path lib = home.resolve("lib");
        requireBrokerJar(lib);
        Path dir = Files.createTempDirectory("astrocloud-kafka");
        try {
            int brokerPort = freePort();
            int controllerPort = freePort();
            Path config = dir.resolve("server.properties");
            Files.writeString(config, serverProperties(dir.resolve("data"), brokerPort, controllerPort));
            Files.writeString(dir.resolve("log4j.properties"), LOG4J);
            run(java(lib, dir, "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config.toString()),
                    dir.resolve("format.log"));
            Path log = dir.resolve("server.log");
            List<String> command = java(lib, dir, "kafka.Kafka", config.toString());
            command.add(1, "-Xmx512m");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            KafkaBroker broker = new KafkaBroker("127.0.0.1:" + brokerPort, p, dir);
            broker.awaitStarted(log);
            return broker;
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    /** Bootstrap servers for clients: {@code 127.0.0.1:PORT}, or the external broker's list. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** True when this object started the broker process (false for an external broker). */
    public boolean embedded() {
        return process != null;
    }

    /** The broker process' id; -1 for an external broker. */
    public long pid() {
        return process == null ? -1 : process.pid();
    }

    @Override
    public void close() {
        if (process == null || !closed.compareAndSet(false, true)) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
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
        deleteTree(dir);
    }

    private void awaitStarted(Path log) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            if (Files.readString(log, StandardCharsets.UTF_8).contains(STARTED)) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            sleep(50);
        }
        String tail = tail(log);
        close();
        throw new IOException("the Kafka broker did not start within " + START_TIMEOUT_SECONDS + " s; its log ends:\n"
                + tail);
    }

    /** Single node, both roles; internal topics with one replica and one partition (quick to create). */
    static String serverProperties(Path dataDir, int brokerPort, int controllerPort) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dataDir,
                "num.partitions=1",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "min.insync.replicas=1",
                "group.initial.rebalance.delay.ms=0",
                "");
    }

    private static final String LOG4J = String.join("\n",
            "log4j.rootLogger=INFO, stdout",
            "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
            "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
            "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n",
            "");

    /** {@code java} with the broker's class path; small heap, quick start (a test broker). */
    private static List<String> java(Path lib, Path dir, String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-Dlog4j.configuration=" + dir.resolve("log4j.properties").toUri(),
                "-cp", lib.toAbsolutePath() + "/*", mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static void run(List<String> command, Path log) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("failed (exit " + p.exitValue() + "): " + String.join(" ", command) + "\n" + tail(log));
        }
    }

    private static void requireBrokerJar(Path lib) throws IOException {
        if (!Files.isDirectory(lib)) {
            throw new IOException("no Kafka broker jars: " + lib + " is not a folder");
        }
        try (Stream<Path> jars = Files.list(lib)) {
            if (jars.noneMatch(p -> p.getFileName().toString().startsWith("kafka_2.13-"))) {
                throw new IOException("no Kafka broker jars: no kafka_2.13 jar in " + lib);
            }
        }
    }

    /** A cluster id as {@code kafka-storage.sh random-uuid} makes one: 16 random bytes, base64url. */
    private static String clusterId() {
        byte[] bytes = new byte[16];
        String id;
        do {
            new SecureRandom().nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
