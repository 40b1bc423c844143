package io.astrocloud;

import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.HeaderWalker;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.ObjectLocation;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.Redaction;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.source.StoreProvider;
import io.astrocloud.source.TransferStats;
import java.io.IOException;
import java.util.List;

/**
 * One-line entry points: the headers of every HDU of a FITS object in object storage, read with
 * ranged requests (a few KB, never the data).
 *
 * <pre>{@code
 * List<Hdu> hdus = AstroCloud.loadHeaders(
 *     "s3://stpubdata/tess/public/mast/tess-s0022-4-4-cube.fits",
 *     CloudService.AWS, PaymentSolution.NONE);
 * }</pre>
 */
public final class AstroCloud {
    private AstroCloud() {
    }

    /** Every HDU of {@code url}, with default access (the AWS chain, or anonymous when it has nothing). */
    public static List<Hdu> loadHeaders(String url) throws IOException {
        return loadHeaders(url, AccessOptions.defaults(), WalkOptions.DEFAULT);
    }

    /**
     * Every HDU of {@code url} from {@code service}, with {@code payment} for requester-pays
     * buckets: the equivalent of the original {@code load_headers(url, CloudService.AWS,
     * PaymentSolution.AWSRequestPayer)}.
     */
    public static List<Hdu> loadHeaders(String url, CloudService service, PaymentSolution payment)
            throws IOException {
        AccessOptions defaults = AccessOptions.defaults();
        AccessOptions access = defaults.toBuilder()
                .s3(defaults.s3().toBuilder().requesterPays(payment == PaymentSolution.AWS_REQUESTER_PAYS).build())
                .build();
        try (HeaderWalk walk = walk(url, service, access, WalkOptions.DEFAULT)) {
            return walk.toList();
        }
    }

    /** Every HDU of {@code url}, read as {@code access} and {@code walkOptions} say. */
    public static List<Hdu> loadHeaders(String url, AccessOptions access, WalkOptions walkOptions)
            throws IOException {
        try (HeaderWalk walk = walk(url, CloudService.AUTO, access, walkOptions)) {
            return walk.toList();
        }
    }

    /**
     * A lazy walk over {@code url}'s HDUs, counting requests and bytes ({@link HeaderWalk#stats()}).
     * Close it: that releases the clients made for it.
     */
    public static HeaderWalk walk(String url, CloudService service, AccessOptions access, WalkOptions walkOptions)
            throws IOException {
        SourceResolver resolver = new SourceResolver(access);
        try {
            TransferStats stats = new TransferStats();
            RangeSource source = providerFor(resolver, url, service) != null
                    ? resolver.open(url, stats)
                    : resolver.open(locate(resolver, url, service), stats, null, -1);
            return HeaderWalker.walk(source, walkOptions, stats).onClose(resolver);
        } catch (IOException | RuntimeException e) {
            resolver.close();
            throw e;
        }
    }

    /** The provider that reads {@code url} for {@code service}, or null when a built-in store does. */
    private static StoreProvider providerFor(SourceResolver resolver, String url, CloudService service) {
        StoreProvider provider = resolver.provider(url);
        String wanted = service == CloudService.GCP ? "gcs" : service == CloudService.AZURE ? "azure" : null;
        if (wanted == null) {
            return service == CloudService.AUTO ? provider : null;
        }
        if (provider == null || !provider.name().equals(wanted)) {
            throw new IllegalArgumentException("not a URL for " + service + ", or astrocloud-" + wanted
                    + " is not on the class path: " + Redaction.text(url));
        }
        return provider;
    }

    private static ObjectLocation locate(SourceResolver resolver, String url, CloudService service) {
        ObjectLocation location = resolver.locate(url);
        if (service == CloudService.HTTP && location.uri() != null) {
            return new ObjectLocation(ObjectLocation.Store.HTTP, null, null, null, null, location.uri(), null);
        }
        if (service == CloudService.AWS && location.store() != ObjectLocation.Store.S3) {
            throw new IllegalArgumentException("not an S3 URL: " + Redaction.text(url)
                    + " (use s3://bucket/key, an s3.amazonaws.com URL, or set the S3 endpoint)");
        }
        return location;
    }
}
