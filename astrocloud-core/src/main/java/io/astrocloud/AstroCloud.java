package io.astrocloud;

import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.HttpStoreProvider;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.source.Redaction;
import io.astrocloud.source.SourceResolver;
import io.astrocloud.source.StoreProvider;
import io.astrocloud.source.Urls;
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
            StoreProvider store = store(resolver, url, service);
            return HeaderWalk.over(resolver.decorate(store.open(url, access), ObjectInfo.UNKNOWN), walkOptions)
                    .onClose(resolver);
        } catch (IOException | RuntimeException e) {
            resolver.close();
            throw e;
        }
    }

    /**
     * The store that reads {@code url} for {@code service}: the one that claims it, checked against
     * the service asked for; plain HTTP for any http(s) URL when {@code service} is HTTP.
     */
    private static StoreProvider store(SourceResolver resolver, String url, CloudService service) {
        if (service == CloudService.HTTP && Urls.isHttp(url)) {
            return resolver.provider(HttpStoreProvider.class);
        }
        if (service == CloudService.AUTO || service == CloudService.HTTP) {
            return resolver.provider(url);
        }
        StoreProvider store;
        try {
            store = resolver.provider(url);
        } catch (IllegalArgumentException unclaimed) {
            store = null;
        }
        switch (service) {
            case AWS:
                if (store == null || !store.name().equals("s3")) {
                    throw new IllegalArgumentException("not an S3 URL: " + Redaction.text(url)
                            + " (use s3://bucket/key, an s3.amazonaws.com URL, or set the S3 endpoint)");
                }
                return store;
            case GCP:
                return checked(store, "gcs", service, url);
            default:
                return checked(store, "azure", service, url);
        }
    }

    private static StoreProvider checked(StoreProvider store, String wanted, CloudService service, String url) {
        if (store == null || !store.name().equals(wanted)) {
            throw new IllegalArgumentException("not a URL for " + service + ", or astrocloud-" + wanted
                    + " is not on the class path: " + Redaction.text(url));
        }
        return store;
    }
}
