package io.astrocloud.samples.kafka;

import io.astrocloud.samples.RouteDsl;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Runs the headers-to-Kafka route, in the Java DSL ({@link HeadersToKafkaRoute}) or the YAML DSL
 * ({@value #YAML_ROUTE}), with camel-main as an application would, once over one object: it
 * returns when the object's last header is in Kafka.
 *
 * <pre>
 * java -cp ... io.astrocloud.samples.kafka.HeadersToKafka fits.url=s3://stpubdata/tess/public/mast/tess-s0022-4-4-cube.fits \
 *     kafka.brokers=localhost:9092 kafka.topic=fits-headers camel.component.astrocloud.anonymous=true [dsl=yaml]
 * </pre>
 */
public final class HeadersToKafka {
    /** The YAML route, on the class path. */
    public static final String YAML_ROUTE = "classpath:routes/headers-to-kafka.yaml";
    /** Property: the object. */
    public static final String URL = "fits.url";
    /** Property: bootstrap servers. */
    public static final String BROKERS = "kafka.brokers";
    /** Property: the topic. */
    public static final String TOPIC = "kafka.topic";

    private HeadersToKafka() {
    }

    /**
     * Runs the route over the object {@code properties} name, until its last header is sent.
     *
     * @param properties {@value #URL}, {@value #BROKERS}, {@value #TOPIC}, and any other camel-main
     *                   property (for example {@code camel.component.astrocloud.anonymous=true})
     * @param beans      bound in the registry by name; a single {@code S3Client} is autowired by the
     *                   astrocloud component (how the demo reads its embedded S3 server)
     * @return the number of HDUs, hence records, sent
     */
    public static int run(RouteDsl dsl, Map<String, String> properties, Map<String, Object> beans, Duration timeout)
            throws Exception {
        Main main = new Main();
        if (dsl == RouteDsl.JAVA) {
            main.configure().addRoutesBuilder(new HeadersToKafkaRoute());
        } else {
            main.configure().withRoutesIncludePattern(YAML_ROUTE);
        }
        properties.forEach(main::addInitialProperty);
        beans.forEach(main::bind);
        LastHduNotifier lastHdu = new LastHduNotifier();
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                configured.getCamelContext().getManagementStrategy().addEventNotifier(lastHdu);
            }
        });
        main.start();
        try {
            return lastHdu.await(properties.get(URL), timeout);
        } finally {
            main.stop();
        }
    }

    /** {@code name=value} arguments as properties; {@code dsl=yaml} picks the YAML route. */
    public static void main(String[] args) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected name=value, got " + arg);
            }
            properties.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        RouteDsl dsl = "yaml".equalsIgnoreCase(properties.remove("dsl")) ? RouteDsl.YAML : RouteDsl.JAVA;
        for (String required : new String[] {URL, BROKERS, TOPIC}) {
            if (!properties.containsKey(required)) {
                throw new IllegalArgumentException("missing " + required + "=...");
            }
        }
        int hdus = run(dsl, properties, Map.of(), Duration.ofMinutes(2));
        System.out.println(hdus + " header records sent to " + properties.get(TOPIC) + " for " + properties.get(URL));
    }
}
