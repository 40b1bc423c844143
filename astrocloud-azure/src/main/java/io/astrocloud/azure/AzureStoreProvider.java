package io.astrocloud.azure;

import com.azure.core.http.rest.PagedIterable;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.ObjectRef;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.StoreProvider;
import java.util.Iterator;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Azure Blob Storage for astro-cloud: {@code https://ACCOUNT.blob.core.windows.net/CONTAINER/BLOB}
 * and {@code az://CONTAINER/BLOB} (with {@value AzureSettings#ACCOUNT}), read with ranged
 * downloads; prefixes ({@code az://CONTAINER/dir/}) are listed page by page. Settings and
 * credentials: {@link AzureSettings}. Found by {@link java.util.ServiceLoader}.
 */
public final class AzureStoreProvider implements StoreProvider {
    private final AzureClients clients = new AzureClients();

    @Override
    public String name() {
        return "azure";
    }

    @Override
    public boolean accepts(String url, AccessOptions options) {
        return AzureLocation.accepts(url);
    }

    @Override
    public RangeSource open(String url, AccessOptions options) {
        AzureLocation location = AzureLocation.parse(url);
        if (location.isPrefix()) {
            throw new IllegalArgumentException("names a prefix, not a blob: " + location.display());
        }
        return new AzureRangeSource(container(location, options).getBlobClient(location.blob()), location.display(),
                options.timeout(), AzureSettings.anonymous(options));
    }

    @Override
    public boolean isPrefix(String url, AccessOptions options) {
        return AzureLocation.parse(url).isPrefix();
    }

    @Override
    public Iterator<ObjectRef> list(String prefixUrl, Pattern include, AccessOptions options) {
        AzureLocation prefix = AzureLocation.parse(prefixUrl);
        PagedIterable<BlobItem> blobs = container(prefix, options)
                .listBlobs(new ListBlobsOptions().setPrefix(prefix.blob()), options.timeout());
        return StreamSupport.stream(blobs.spliterator(), false)
                .filter(b -> include.matcher(b.getName()).matches())
                .map(b -> new ObjectRef(prefix.urlOf(b.getName()), quoted(b.getProperties().getETag()),
                        b.getProperties().getContentLength() == null ? -1 : b.getProperties().getContentLength()))
                .iterator();
    }

    private BlobContainerClient container(AzureLocation location, AccessOptions options) {
        return clients.forLocation(location, options).getBlobContainerClient(location.container());
    }

    /** Listings may give ETags bare; downloads give them quoted, as If-Match wants them. */
    private static String quoted(String etag) {
        return etag == null || etag.startsWith("\"") ? etag : "\"" + etag + "\"";
    }
}
