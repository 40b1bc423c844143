package io.astrocloud.azure;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.astrocloud.source.AccessOptions;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the blob service clients a provider needs, one per endpoint and credential, and keeps
 * them. The SDK's own retries are off: the source tier retries, once, for every store.
 */
final class AzureClients {
    /** What tells two clients apart. */
    private record Key(String endpoint, String connectionString, String sas, String account, String accountKey,
                       boolean anonymous, long timeoutSeconds) {
    }

    private final Map<Key, BlobServiceClient> clients = new ConcurrentHashMap<>();

    /** The client for blobs at {@code location}, as {@code options} say to reach them. */
    BlobServiceClient forLocation(AzureLocation location, AccessOptions options) {
        String connectionString = options.setting(AzureSettings.CONNECTION_STRING);
        String endpoint = endpoint(location, options, connectionString);
        String sas = location.sas() != null ? location.sas() : options.setting(AzureSettings.SAS_TOKEN);
        String account = options.setting(AzureSettings.ACCOUNT) != null ? options.setting(AzureSettings.ACCOUNT)
                : location.account() != null ? location.account() : lastPathSegment(endpoint);
        Key key = new Key(endpoint, connectionString, sas, account, options.setting(AzureSettings.ACCOUNT_KEY),
                AzureSettings.anonymous(options), Math.max(1, options.timeout().toSeconds()));
        return clients.computeIfAbsent(key, AzureClients::build);
    }

    private static String endpoint(AzureLocation location, AccessOptions options, String connectionString) {
        String endpoint = options.setting(AzureSettings.ENDPOINT);
        if (endpoint != null) {
            return endpoint.replaceFirst("/+$", "");
        }
        if (location.serviceUrl() != null) {
            return location.serviceUrl();
        }
        String account = options.setting(AzureSettings.ACCOUNT);
        if (account != null) {
            return "https://" + account + ".blob.core.windows.net";
        }
        if (connectionString == null) {
            throw new IllegalArgumentException("az:// URLs need the storage account: set " + AzureSettings.ACCOUNT
                    + " (--azure-account), " + AzureSettings.ENDPOINT + " or " + AzureSettings.CONNECTION_STRING);
        }
        return null; // the connection string's blob endpoint
    }

    private static BlobServiceClient build(Key key) {
        BlobServiceClientBuilder b = new BlobServiceClientBuilder().retryOptions(new RequestRetryOptions(
                RetryPolicyType.FIXED, 1, (int) Math.min(Integer.MAX_VALUE, key.timeoutSeconds()), null, null, null));
        if (key.sas() != null) {
            b.sasToken(key.sas().startsWith("?") ? key.sas().substring(1) : key.sas());
        } else if (key.connectionString() != null) {
            b.connectionString(key.connectionString());
        } else if (key.accountKey() != null) {
            b.credential(new StorageSharedKeyCredential(key.account(), key.accountKey()));
        } else if (!key.anonymous()) {
            b.credential(new DefaultAzureCredentialBuilder().build());
        }
        if (key.endpoint() != null) {
            b.endpoint(key.endpoint());
        }
        return b.buildClient();
    }

    private static String lastPathSegment(String endpoint) {
        if (endpoint == null) {
            return null;
        }
        String path = URI.create(endpoint).getPath();
        return path == null || path.isEmpty() || path.equals("/") ? null : path.substring(path.lastIndexOf('/') + 1);
    }
}
