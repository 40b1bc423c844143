package io.astrocloud.cli;

import io.astrocloud.index.Backfill;
import io.astrocloud.index.DynamoDbClients;
import io.astrocloud.index.IndexTable;
import io.astrocloud.index.Indexer;
import io.astrocloud.scan.FitsNames;
import io.astrocloud.scan.ScanTargets;
import io.astrocloud.settings.Defaults;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.Redaction;
import io.astrocloud.source.S3Location;
import io.astrocloud.source.S3StoreProvider;
import io.astrocloud.source.SourceResolver;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code astrocloud index s3://bucket/prefix/ --table NAME}: the Lambda's indexer run from a
 * workstation over objects already in a bucket; resumable (objects indexed at the same ETag are
 * skipped).
 */
@Command(name = "index", mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = {"Index every FITS file under S3 prefixes (or named objects) into the DynamoDB table the "
                + "Lambda writes, with the same indexer. Run it again to resume: objects already indexed at the "
                + "same ETag are skipped."})
final class IndexCommand implements Callable<Integer> {
    @Mixin
    AccessMixin access;

    @Mixin
    ProgressMixin progress;

    @Parameters(arity = "1..*", paramLabel = "S3_URL", description = "s3://bucket/prefix/ or s3://bucket/key.")
    List<String> targets;

    @Option(names = "--table", required = true, paramLabel = "NAME", description = "The DynamoDB index table.")
    String table;

    @Option(names = "--dynamodb-endpoint", paramLabel = "URL",
            description = "DynamoDB endpoint (DynamoDB Local, LocalStack); default: AWS in --region.")
    URI dynamoEndpoint;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "" + Defaults.INDEX_CONCURRENCY,
            description = "Objects indexed at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Keys kept when listing a prefix (default: FITS file names, optionally gzipped).")
    Pattern include = FitsNames.DEFAULT;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (concurrency < 1) {
            throw access.usage("--concurrency must be at least 1, got " + concurrency);
        }
        AccessOptions options = access.access();
        options = options.toBuilder().s3(options.s3().toBuilder().maxConnections(Defaults.connections(2 * concurrency))
                .build()).build();
        try (SourceResolver resolver = new SourceResolver(options); DynamoDbClient dynamo = dynamo(options)) {
            S3StoreProvider s3 = resolver.provider(S3StoreProvider.class);
            S3Location first = s3.locate(targets.get(0), options);
            if (first == null) {
                throw access.usage("index reads S3 objects, not " + Redaction.text(targets.get(0)));
            }
            Indexer indexer = Indexer.create(s3.client(first, options), dynamo, table, options.retry());
            Backfill backfill = new Backfill(indexer, new IndexTable(dynamo, table), concurrency);
            ScanProgress progress = new ScanProgress(err, this.progress.shown());
            List<Backfill.ObjectResult> failed = new ArrayList<>();
            List<String> names = targets.stream().map(t -> s3Name(s3, t, resolver.options()))
                    .collect(Collectors.toList());
            Backfill.Summary summary = backfill.run(ScanTargets.expand(resolver, names, include), r -> {
                out.println(Redaction.text(r.result().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + r.object().url() + (r.detail() == null ? "" : ": " + r.detail())));
                out.flush();
                if (r.result() == Backfill.Result.FAILED) {
                    failed.add(r);
                }
                progress.fileDone(0, r.result() == Backfill.Result.FAILED);
            });
            progress.finish();
            err.printf("%,d objects: %,d indexed, %,d invalid, %,d skipped, %,d failed (%.1f s)%n", summary.total(),
                    summary.indexed(), summary.invalid(), summary.skipped(), summary.failed(), progress.seconds());
            for (Backfill.ObjectResult r : failed) {
                err.println(Redaction.text("failed: " + r.object().url() + ": " + r.detail()));
            }
            err.flush();
            return summary.failed() == 0 ? 0 : 1;
        }
    }

    /**
     * {@code target} as the index names S3 objects: as given, or {@code s3://bucket/key} for a URL on
     * the S3 endpoint of the options, which names no bucket by itself.
     */
    private static String s3Name(S3StoreProvider s3, String target, AccessOptions options) {
        S3Location location = s3.locate(target, options);
        return location == null || S3Location.parse(target) != null ? target
                : new S3Location(location.bucket(), location.key(), null).canonical();
    }

    /** The table's client, in the region of the S3 access, at {@code --dynamodb-endpoint} if given. */
    private DynamoDbClient dynamo(AccessOptions options) {
        return DynamoDbClients.create(options.s3().resolvedRegion().id(), dynamoEndpoint);
    }
}
