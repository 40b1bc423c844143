package io.astrocloud.testkit.azure;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.PublicAccessType;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.StorageSharedKeyCredential;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * An Azure Blob Storage endpoint for tests: Azurite started from npm ({@link AzuriteProcess}) with
 * its documented development account, or an external endpoint when {@value #ENDPOINT_ENV} is set
 * (for example {@code https://ACCOUNT.blob.core.windows.net}, with {@value #ACCOUNT_ENV} and
 * {@value #KEY_ENV}). Holds a shared-key client for setting up containers and blobs and makes SAS
 * tokens.
 */
public final class TestAzure implements AutoCloseable {
    /** Environment variable naming an external blob endpoint to use instead of Azurite. */
    public static final String ENDPOINT_ENV = "ASTROCLOUD_TEST_AZURE_ENDPOINT";
    /** The external endpoint's account name. */
    public static final String ACCOUNT_ENV = "ASTROCLOUD_TEST_AZURE_ACCOUNT";
    /** The external endpoint's account key. */
    public static final String KEY_ENV = "ASTROCLOUD_TEST_AZURE_KEY";
    /** Azurite's documented development account. */
    public static final String DEV_ACCOUNT = "devstoreaccount1";
    /** Azurite's documented development account key (public, emulator only). */
    public static final String DEV_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private final AzuriteProcess azurite;
    private final String endpoint;
    private final String account;
    private final String key;
    private final BlobServiceClient admin;

    private TestAzure(AzuriteProcess azurite, String endpoint, String account, String key) {
        this.azurite = azurite;
        this.endpoint = endpoint;
        this.account = account;
        this.key = key;
        this.admin = new BlobServiceClientBuilder().endpoint(endpoint)
                .credential(new StorageSharedKeyCredential(account, key)).buildClient();
    }

    /** Starts Azurite, or connects to the endpoint named by {@value #ENDPOINT_ENV}. */
    public static TestAzure start() throws IOException {
        String external = System.getenv(ENDPOINT_ENV);
        if (external != null && !external.isBlank()) {
            return new TestAzure(null, external.replaceFirst("/+$", ""), System.getenv(ACCOUNT_ENV),
                    System.getenv(KEY_ENV));
        }
        AzuriteProcess azurite = AzuriteProcess.start();
        return new TestAzure(azurite, azurite.origin() + "/" + DEV_ACCOUNT, DEV_ACCOUNT, DEV_KEY);
    }

    /** The blob service endpoint, account included ({@code http://127.0.0.1:PORT/devstoreaccount1}). */
    public String endpoint() {
        return endpoint;
    }

    /** The account name. */
    public String account() {
        return account;
    }

    /** The account key (shared-key auth). */
    public String accountKey() {
        return key;
    }

    /** A connection string with the account key and this blob endpoint. */
    public String connectionString() {
        return "DefaultEndpointsProtocol=" + endpoint.substring(0, endpoint.indexOf(':')) + ";AccountName=" + account
                + ";AccountKey=" + key + ";BlobEndpoint=" + endpoint + ";";
    }

    /** The shared-key client used to set up test data. */
    public BlobServiceClient admin() {
        return admin;
    }

    /** Creates a container (no error if it exists); {@code publicBlobs} lets anyone read its blobs. */
    public BlobContainerClient createContainer(String name, boolean publicBlobs) {
        BlobContainerClient c = admin.getBlobContainerClient(name);
        try {
            c.createWithResponse(null, publicBlobs ? PublicAccessType.BLOB : null, null, null);
        } catch (BlobStorageException e) {
            if (e.getStatusCode() != 409) {
                throw e;
            }
        }
        return c;
    }

    /** Uploads a file as a block blob, replacing what was there. */
    public void put(String container, String blob, Path file) {
        admin.getBlobContainerClient(container).getBlobClient(blob).uploadFromFile(file.toString(), true);
    }

    /** Uploads bytes as a block blob, replacing what was there (the ETag changes). */
    public void put(String container, String blob, byte[] bytes) {
        admin.getBlobContainerClient(container).getBlobClient(blob).upload(BinaryData.fromBytes(bytes), true);
    }

    /**
     * A container SAS token (without the leading {@code ?}) signed with the account key.
     *
     * @param permissions for example {@code "rl"} (read, list)
     * @param valid       how long from now it is valid
     */
    public String containerSas(String container, String permissions, Duration valid) {
        BlobServiceSasSignatureValues values = new BlobServiceSasSignatureValues(OffsetDateTime.now().plus(valid),
                BlobContainerSasPermission.parse(permissions)).setStartTime(OffsetDateTime.now().minusMinutes(5));
        return admin.getBlobContainerClient(container).generateSas(values);
    }

    @Override
    public void close() {
        if (azurite != null) {
            azurite.close();
        }
    }
}
