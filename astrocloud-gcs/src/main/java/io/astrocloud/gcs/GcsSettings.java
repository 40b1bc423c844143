package io.astrocloud.gcs;

import io.astrocloud.source.AccessOptions;

/**
 * The settings ({@link AccessOptions#setting(String)}) that tell how to reach Google Cloud
 * Storage. Credentials are application default credentials (GOOGLE_APPLICATION_CREDENTIALS, the
 * gcloud login, the metadata server on Google Cloud); when there are none, requests go
 * unauthenticated, which public buckets accept; {@value #ANONYMOUS} skips the lookup.
 */
public final class GcsSettings {
    /** The project billed for requests to requester-pays buckets (the JSON API's {@code userProject}). */
    public static final String USER_PROJECT = "gcs.userProject";
    /** {@code true}: no credentials, for public buckets. */
    public static final String ANONYMOUS = "gcs.anonymous";
    /** Where the JSON API is ({@code https://storage.googleapis.com} by default): a private endpoint, a test server. */
    public static final String ENDPOINT = "gcs.endpoint";

    private GcsSettings() {
    }

    static boolean anonymous(AccessOptions options) {
        return Boolean.parseBoolean(options.setting(ANONYMOUS));
    }
}
