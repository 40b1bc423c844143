package io.astrocloud.testkit.kafka;

import io.astrocloud.testkit.process.ServerProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real Apache Kafka broker for tests and the demo: Kafka's own jars run as a separate Java
 * process in KRaft mode (broker and controller in one node), the way an operator runs
 * {@code kafka-server-start.sh}: {@code kafka.tools.StorageTool format}, then {@code kafka.Kafka
 * server.properties}. Ports are picked free on 127.0.0.1 and written into server.properties (a
 * broker that fails to bind is started once more, on other ports); data and the broker's log live
 * in a temporary folder removed on close. Or, when {@value #BOOTSTRAP_ENV} is set, an external
 * broker that is already running.
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

    private static final Pattern STARTED = Pattern.compile("Kafka Server started");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String LOG4J = String.join("\n",
            "log4j.rootLogger=INFO, stdout",
            "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
            "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
            "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n",
            "");

    private final String bootstrapServers;
    private final ServerProcess server;

    private KafkaBroker(String bootstrapServers, ServerProcess server) {
        this.bootstrapServers = bootstrapServers;
        this.server = server;
    }

    /**
     * The broker named by {@value #BOOTSTRAP_ENV}, else a new one from the distribution named by
     * the system property {@value #HOME_PROPERTY}.
     */
    public static KafkaBroker start() throws IOException {
        String external = System.getenv(BOOTSTRAP_ENV);
        if (external != null && !external.isBlank()) {
            return new KafkaBroker(external.trim(), null);
        }
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            throw new IOException("no Kafka broker: set " + BOOTSTRAP_ENV + " to a running broker, or the system"
                    + " property " + HOME_PROPERTY + " to a folder holding Kafka's lib/*.jar");
        }
        return start(Path.of(home));
    }

    /**
     * Formats a new single-node KRaft cluster and starts its broker from {@code home}'s lib/*.jar.
     * A broker that exits before it is ready (a port taken between the pick and the bind) is
     * started once more, on other ports.
     */
    public static KafkaBroker start(Path home) throws IOException {
        Path lib = home.resolve("lib");
        requireBrokerJar(lib);
        try {
            return startOnce(lib);
        } catch (IOException first) {
            try {
                return startOnce(lib);
            } catch (IOException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private static KafkaBroker startOnce(Path lib) throws IOException {
        Path dir = Files.createTempDirectory("astrocloud-kafka");
        try {
            int[] ports = freePorts(2);
            Path config = dir.resolve("server.properties");
            Files.writeString(config, serverProperties(dir.resolve("data"), ports[0], ports[1]));
            Files.writeString(dir.resolve("log4j.properties"), LOG4J);
            format(java(lib, dir, "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c", config.toString()),
                    dir.resolve("format.log"));
            List<String> command = java(lib, dir, "kafka.Kafka", config.toString());
            command.add(1, "-Xmx512m");
            ServerProcess server = ServerProcess.start(command, dir.resolve("server.log"), dir);
            server.awaitLog(STARTED, START_TIMEOUT, "the Kafka broker");
            return new KafkaBroker("127.0.0.1:" + ports[0], server);
        } catch (IOException | RuntimeException e) {
            ServerProcess.deleteTree(dir);
            throw e;
        }
    }

    /** Bootstrap servers for clients: {@code 127.0.0.1:PORT}, or the external broker's list. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** True when this object started the broker process (false for an external broker). */
    public boolean embedded() {
        return server != null;
    }

    /** The broker process' id; -1 for an external broker. */
    public long pid() {
        return server == null ? -1 : server.pid();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
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

    /** Runs {@code kafka-storage format}: writes the new cluster's metadata into the log folder. */
    private static void format(List<String> command, Path log) throws IOException {
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
            throw new IOException("failed (exit " + p.exitValue() + "): " + String.join(" ", command) + "\n"
                    + ServerProcess.tail(log, 30));
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

    /** {@code n} distinct free ports on 127.0.0.1 (held together while picked, then released). */
    private static int[] freePorts(int n) throws IOException {
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }
}
