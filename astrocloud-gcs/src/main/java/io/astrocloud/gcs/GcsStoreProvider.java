package io.astrocloud.gcs;

import com.google.api.gax.paging.Page;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import io.astrocloud.source.AccessOptions;
import io.astrocloud.source.ObjectRef;
import io.astrocloud.source.RangeSource;
import io.astrocloud.source.StoreProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * Google Cloud Storage for astro-cloud: {@code gs://BUCKET/OBJECT} and
 * {@code https://storage.googleapis.com/BUCKET/OBJECT}, read with ranged media downloads through
 * the JSON API; prefixes ({@code gs://BUCKET/dir/}) are listed page by page. Settings and
 * credentials: {@link GcsSettings}. Found by {@link java.util.ServiceLoader}.
 */
public final class GcsStoreProvider implements StoreProvider {
    private final GcsClients clients = new GcsClients();

    @Override
    public String name() {
        return "gcs";
    }

    @Override
    public boolean accepts(String url, AccessOptions options) {
        return GcsLocation.accepts(url);
    }

    @Override
    public RangeSource open(String url, AccessOptions options) {
        GcsLocation location = GcsLocation.parse(url);
        if (location.isPrefix()) {
            throw new IllegalArgumentException("names a prefix, not an object: " + location.url());
        }
        return new GcsRangeSource(clients.forOptions(options), BlobId.of(location.bucket(), location.name()),
                location.url(), options.setting(GcsSettings.USER_PROJECT));
    }

    @Override
    public boolean isPrefix(String url, AccessOptions options) {
        return GcsLocation.parse(url).isPrefix();
    }

    @Override
    public Iterator<ObjectRef> list(String prefixUrl, Pattern include, AccessOptions options) {
        GcsLocation prefix = GcsLocation.parse(prefixUrl);
        List<Storage.BlobListOption> listOptions = new ArrayList<>();
        listOptions.add(Storage.BlobListOption.prefix(prefix.name()));
        String userProject = options.setting(GcsSettings.USER_PROJECT);
        if (userProject != null) {
            listOptions.add(Storage.BlobListOption.userProject(userProject));
        }
        Page<Blob> first = clients.forOptions(options).list(prefix.bucket(),
                listOptions.toArray(new Storage.BlobListOption[0]));
        return StreamSupport.stream(first.iterateAll().spliterator(), false)
                .filter(b -> include.matcher(b.getName()).matches())
                .map(b -> new ObjectRef(prefix.urlOf(b.getName()), GcsRangeSource.etagOf(b.getGeneration()),
                        b.getSize() == null ? -1 : b.getSize()))
                .iterator();
    }

    @Override
    public void close() {
        clients.close();
    }
}
