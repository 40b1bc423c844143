package io.astrocloud.demo;

import io.astrocloud.testkit.kafka.KafkaBroker;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The demo's Kafka broker: Kafka's own jars, which the build unpacks into {@code target/kafka}
 * next to the command line's jar (or the folder named by the system property
 * {@value KafkaBroker#HOME_PROPERTY}), run as their own process; or the running broker named by
 * {@value KafkaBroker#BOOTSTRAP_ENV}. It starts in the background while the demo does its first
 * steps, and an absent or failed broker only skips the Kafka step, with the reason.
 */
final class DemoKafka implements AutoCloseable {
    private final CompletableFuture<KafkaBroker> broker;

    private DemoKafka(CompletableFuture<KafkaBroker> broker) {
        this.broker = broker;
    }

    /** Starts the broker in the background. */
    static DemoKafka startInBackground() {
        return new DemoKafka(CompletableFuture.supplyAsync(() -> {
            try {
                String external = System.getenv(KafkaBroker.BOOTSTRAP_ENV);
                return external != null && !external.isBlank() ? KafkaBroker.start() : KafkaBroker.start(home());
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }));
    }

    /** Where the broker comes from, for the announcement. */
    static String origin() {
        String external = System.getenv(KafkaBroker.BOOTSTRAP_ENV);
        if (external != null && !external.isBlank()) {
            return "the running broker in " + KafkaBroker.BOOTSTRAP_ENV + " (" + external + ")";
        }
        try {
            return "Kafka's jars in " + home().resolve("lib") + ", as its own process (KRaft)";
        } catch (IOException e) {
            return "nowhere: " + e.getMessage();
        }
    }

    /** The broker, once started. */
    KafkaBroker await() throws IOException {
        try {
            return broker.get();
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the Kafka broker", e);
        }
    }

    @Override
    public void close() {
        // At once if it has started; else as soon as it has (the JVM's exit kills it in any case).
        broker.thenAccept(KafkaBroker::close);
    }

    private static Path home() throws IOException {
        String property = System.getProperty(KafkaBroker.HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        try {
            Path code = Path.of(DemoKafka.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path home = code.getParent().resolve("kafka");
            if (!Files.isDirectory(home.resolve("lib"))) {
                throw new IOException("no Kafka broker jars in " + home.resolve("lib")
                        + " (the build unpacks them there: mvn -pl astrocloud-demo -am package)");
            }
            return home;
        } catch (URISyntaxException e) {
            throw new IOException("cannot tell where the command line's jar is", e);
        }
    }
}
