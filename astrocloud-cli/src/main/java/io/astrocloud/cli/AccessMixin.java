package io.astrocloud.cli;

import io.astrocloud.auth.S3Access;
import io.astrocloud.azure.AzureSettings;
import io.astrocloud.gcs.GcsSettings;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.settings.Defaults;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every command shares: how to reach the store, and how to walk. A value these options
 * cannot take is a usage error (exit status 2), named without echoing it: it may be a secret.
 */
final class AccessMixin {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--anonymous",
            description = "No credentials, for public S3 buckets (stpubdata), GCS buckets and Azure containers.")
    boolean anonymous;

    @Option(names = "--requester-pays", description = "Agree to pay for requests to requester-pays buckets.")
    boolean requesterPays;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: from the URL or the environment).")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "S3-compatible endpoint (MinIO, DigitalOcean Spaces, LocalStack).")
    URI endpoint;

    @Option(names = "--path-style", description = "Path-style S3 addressing (endpoint/bucket/key).")
    boolean pathStyle;

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile from ~/.aws/credentials.")
    String profile;

    @Option(names = "--gcs-user-project", paramLabel = "PROJECT",
            description = "Google Cloud project to bill for requests to requester-pays GCS buckets.")
    String gcsUserProject;

    @Option(names = "--azure-account", paramLabel = "ACCOUNT", defaultValue = "${env:AZURE_STORAGE_ACCOUNT}",
            description = "Azure storage account of az:// URLs (default: $AZURE_STORAGE_ACCOUNT).")
    String azureAccount;

    @Option(names = "--azure-sas", paramLabel = "TOKEN", defaultValue = "${env:AZURE_STORAGE_SAS_TOKEN}",
            description = "Azure SAS token (default: $AZURE_STORAGE_SAS_TOKEN).")
    String azureSas;

    @Option(names = "--azure-connection-string", paramLabel = "STRING",
            defaultValue = "${env:AZURE_STORAGE_CONNECTION_STRING}",
            description = "Azure storage connection string (default: $AZURE_STORAGE_CONNECTION_STRING).")
    String azureConnectionString;

    @Option(names = "--setting", paramLabel = "NAME=VALUE",
            description = "A store setting (repeatable): the names (endpoints, keys of GCS and Azure) are in STORES.md.")
    List<String> settings = new ArrayList<>();

    @Option(names = "--header", paramLabel = "NAME:VALUE", description = "Extra HTTP request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "" + Defaults.REQUEST_TIMEOUT_SECONDS,
            description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "" + Defaults.RETRIES,
            description = "Retries of passing failures (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--read-ahead", paramLabel = "BYTES", defaultValue = "" + Defaults.READ_AHEAD,
            description = "Bytes per request (default: ${DEFAULT-VALUE}).")
    int readAhead;

    @Option(names = "--max-header", paramLabel = "BYTES", defaultValue = "" + Defaults.MAX_HEADER_BYTES,
            description = "Longest header accepted (default: ${DEFAULT-VALUE}, 8 MiB).")
    int maxHeader;

    @Option(names = "--gzip", description = "Stream and decompress gzip-compressed files (reads them whole).")
    boolean gzip;

    /** The access options these flags describe. */
    AccessOptions access() {
        if (timeoutSeconds < 1) {
            throw usage("--timeout must be at least 1 second, got " + timeoutSeconds);
        }
        if (retries < 0) {
            throw usage("--retries must be 0 or more, got " + retries);
        }
        S3Access.Builder s3 = S3Access.builder()
                .credentials(anonymous ? S3Access.Credentials.ANONYMOUS : S3Access.Credentials.AUTO)
                .profile(profile).region(region).endpoint(endpoint).pathStyle(pathStyle || endpoint != null)
                .requesterPays(requesterPays).timeout(Duration.ofSeconds(timeoutSeconds));
        AccessOptions.Builder b = AccessOptions.builder().s3(s3.build())
                .timeout(Duration.ofSeconds(timeoutSeconds))
                .retry(RetryPolicy.retries(retries));
        b.setting(GcsSettings.USER_PROJECT, gcsUserProject)
                .setting(AzureSettings.ACCOUNT, blankToNull(azureAccount))
                .setting(AzureSettings.SAS_TOKEN, blankToNull(azureSas))
                .setting(AzureSettings.CONNECTION_STRING, blankToNull(azureConnectionString));
        if (anonymous) {
            b.setting(GcsSettings.ANONYMOUS, "true").setting(AzureSettings.ANONYMOUS, "true");
        }
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw usage("--setting wants NAME=VALUE: one has no name before '='");
            }
            b.setting(s.substring(0, eq).strip(), s.substring(eq + 1).strip());
        }
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw usage("--header wants NAME:VALUE: one has no name before ':'");
            }
            b.httpHeader(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
        }
        return b.build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The walk options these flags describe. */
    WalkOptions walk() {
        try {
            return WalkOptions.DEFAULT.withGzip(gzip).withReadAhead(readAhead).withMaxHeaderBytes(maxHeader);
        } catch (IllegalArgumentException e) {
            throw usage("--read-ahead and --max-header: " + e.getMessage());
        }
    }

    /** A usage error of the command these options belong to: picocli prints it with the usage, exit status 2. */
    ParameterException usage(String message) {
        return new ParameterException(mixee.commandLine(), message);
    }
}
