package io.astrocloud.camel;

import io.astrocloud.scan.HeaderScanner;
import io.astrocloud.source.Redaction;
import io.astrocloud.source.SourceResolver;
import java.util.regex.Pattern;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Read the header of every HDU of FITS files in object storage (S3 and S3-compatible stores, HTTP,
 * plug-in stores such as GCS and Azure, local files) with ranged requests, one exchange per
 * header, without ever downloading the data.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "astrocloud", title = "AstroCloud FITS headers",
        syntax = "astrocloud:operation", category = {Category.CLOUD, Category.FILE},
        headersClass = AstroCloudConstants.class)
public class AstroCloudEndpoint extends ScheduledPollEndpoint {
    /** Objects remembered by the default idempotent repository. */
    static final int DEFAULT_SEEN_OBJECTS = 100_000;

    @UriPath(enums = "headers", description = "What to read: headers, the header of every HDU (never the data)")
    @Metadata(required = true)
    private String operation;
    @UriParam
    private AstroCloudConfiguration configuration;
    @UriParam(label = "consumer,advanced")
    private IdempotentRepository idempotentRepository =
            MemoryIdempotentRepository.memoryIdempotentRepository(DEFAULT_SEEN_OBJECTS);

    private SourceResolver resolver;
    private HeaderScanner scanner;

    /** An endpoint of {@code component} for {@code uri}, with its own copy of the options. */
    public AstroCloudEndpoint(String uri, AstroCloudComponent component, AstroCloudConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public AstroCloudComponent getComponent() {
        return (AstroCloudComponent) super.getComponent();
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (configuration.getUrl() == null || configuration.getUrl().isBlank()) {
            throw new IllegalArgumentException("astrocloud consumer needs url: an object or an s3://bucket/prefix/");
        }
        AstroCloudConsumer consumer = new AstroCloudConsumer(this, processor);
        consumer.setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        return new AstroCloudProducer(this);
    }

    /** Fails early on options the walk would refuse. */
    void validate() {
        if (!"headers".equals(operation)) {
            throw new IllegalArgumentException("unknown astrocloud operation '" + operation + "': use astrocloud:headers");
        }
        if (configuration.getConcurrency() < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + configuration.getConcurrency());
        }
        if (configuration.getMaxMessagesPerPoll() < 0) {
            throw new IllegalArgumentException("maxMessagesPerPoll must not be negative, got "
                    + configuration.getMaxMessagesPerPoll());
        }
        CoreOptions.walk(configuration);
        CoreOptions.include(configuration);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        resolver = new SourceResolver(CoreOptions.access(configuration));
        scanner = new HeaderScanner(resolver, CoreOptions.walk(configuration), configuration.getConcurrency());
        ServiceHelper.startService(idempotentRepository);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(idempotentRepository);
        if (scanner != null) {
            scanner.close();
        }
        if (resolver != null) {
            // Closes the clients the resolver built; a supplied s3Client is never closed.
            resolver.close();
        }
        super.doStop();
    }

    /**
     * The endpoint URI as Camel prints it (its sanitizer masks the options it knows as secret), with
     * what only astro-cloud knows masked too ({@link Redaction}: user headers, SAS, presigned URLs):
     * this is what "Failed polling endpoint" and the other Camel messages show.
     */
    @Override
    public String toString() {
        return Redaction.text(super.toString());
    }

    /** True when {@code url} names a prefix of any store (s3://, gs://, az://...) rather than one object. */
    boolean namesPrefix(String url) {
        return resolver.isPrefix(url);
    }

    /** Opens the objects; built when the endpoint starts. */
    SourceResolver resolver() {
        return resolver;
    }

    /** Walks objects, one or many at once; built when the endpoint starts. */
    HeaderScanner scanner() {
        return scanner;
    }

    /** The keys to walk under a prefix. */
    Pattern include() {
        return CoreOptions.include(configuration);
    }

    public String getOperation() {
        return operation;
    }

    /** What to read: headers, the header of every HDU (never the data). */
    public void setOperation(String operation) {
        this.operation = operation;
    }

    public AstroCloudConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(AstroCloudConfiguration configuration) {
        this.configuration = configuration;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Remembers the object versions (bucket, key and ETag) already emitted, so that a poll emits
     * only new or changed objects. The default remembers 100,000 in memory; use a persistent
     * repository (JDBC, Infinispan, a file) to remember across restarts or for larger prefixes.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }
}
