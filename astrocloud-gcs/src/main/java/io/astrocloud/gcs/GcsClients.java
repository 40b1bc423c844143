package io.astrocloud.gcs;

import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.astrocloud.source.AccessOptions;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Cloud Storage clients a provider needs (JSON API over HTTP), one per endpoint and
 * credential mode, keeps them, and closes them. The client's own retries are off: the source tier
 * retries, once, for every store.
 */
final class GcsClients implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GcsClients.class);
    /** A project id for the client, so that it never asks the metadata server for one; reads do not use it. */
    private static final String READER_PROJECT = "astrocloud-reader";
    private static final String READ_ONLY_SCOPE = "https://www.googleapis.com/auth/devstorage.read_only";

    /** What tells two clients apart. */
    private record Key(String endpoint, boolean anonymous, long timeoutMillis) {
    }

    private final Map<Key, Storage> clients = new ConcurrentHashMap<>();

    /** The client for {@code options}. */
    Storage forOptions(AccessOptions options) {
        Key key = new Key(options.setting(GcsSettings.ENDPOINT), GcsSettings.anonymous(options),
                options.timeout().toMillis());
        return clients.computeIfAbsent(key, GcsClients::build);
    }

    private static Storage build(Key key) {
        int timeout = (int) Math.min(Integer.MAX_VALUE, key.timeoutMillis());
        StorageOptions.Builder b = StorageOptions.http()
                .setProjectId(READER_PROJECT)
                .setCredentials(key.anonymous() ? NoCredentials.getInstance() : applicationDefault())
                .setRetrySettings(ServiceOptions.getNoRetrySettings())
                .setTransportOptions(HttpTransportOptions.newBuilder().setConnectTimeout(timeout)
                        .setReadTimeout(timeout).build());
        if (key.endpoint() != null) {
            b.setHost(key.endpoint());
        }
        return b.build().getService();
    }

    private static Credentials applicationDefault() {
        try {
            // Reading is all astro-cloud does: ask for no more than read access.
            return GoogleCredentials.getApplicationDefault().createScoped(READ_ONLY_SCOPE);
        } catch (IOException none) {
            LOG.info("No Google application default credentials ({}); using anonymous access", none.getMessage());
            return NoCredentials.getInstance();
        }
    }

    @Override
    public void close() {
        for (Storage s : clients.values()) {
            try {
                s.close();
            } catch (Exception e) {
                // Closing clients: nothing useful to do with a failure.
            }
        }
        clients.clear();
    }
}
