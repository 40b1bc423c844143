package io.astrocloud.azure;

import io.astrocloud.source.AccessOptions;

/**
 * The settings ({@link AccessOptions#setting(String)}) that tell how to reach Azure Blob Storage.
 * Credentials are taken in this order: a SAS token in the URL, {@value #SAS_TOKEN},
 * {@value #CONNECTION_STRING}, {@value #ACCOUNT_KEY} (shared key), none when {@value #ANONYMOUS}
 * is {@code true} (public containers), else the default Azure credential chain (environment,
 * workload or managed identity, Azure CLI, ...), which needs HTTPS.
 */
public final class AzureSettings {
    /** The storage account of {@code az://} URLs (their endpoint is {@code https://ACCOUNT.blob.core.windows.net}). */
    public static final String ACCOUNT = "azure.account";
    /**
     * The blob service endpoint requests go to, account included (an emulator such as
     * {@code http://127.0.0.1:10000/devstoreaccount1}, a private endpoint); overrides the URL's host.
     */
    public static final String ENDPOINT = "azure.endpoint";
    /** A SAS token (account, container or blob SAS), with or without the leading {@code ?}. */
    public static final String SAS_TOKEN = "azure.sasToken";
    /** A connection string (account name and key, or a SAS, and endpoints). */
    public static final String CONNECTION_STRING = "azure.connectionString";
    /** The account key, for shared-key authentication. */
    public static final String ACCOUNT_KEY = "azure.accountKey";
    /** {@code true}: no credentials, for containers with public read access. */
    public static final String ANONYMOUS = "azure.anonymous";

    private AzureSettings() {
    }

    static boolean anonymous(AccessOptions options) {
        return Boolean.parseBoolean(options.setting(ANONYMOUS));
    }
}
