package io.astrocloud;

/** Which store to read an object from, when the URL alone should not decide. */
public enum CloudService {
    /**
     * Decide from the URL: URLs a store provider accepts (GCS, Azure) go to it; {@code s3://} and
     * S3 hosts are S3, other http(s) is HTTP, the rest files.
     */
    AUTO,
    /** Amazon S3 (or an S3-compatible endpoint): credentials, requester-pays, regions. */
    AWS,
    /** Plain HTTP(S), even for an S3 URL: no credentials, public objects only. */
    HTTP,
    /** Google Cloud Storage ({@code gs://}, {@code storage.googleapis.com}): needs astrocloud-gcs. */
    GCP,
    /** Azure Blob Storage ({@code az://}, {@code *.blob.core.windows.net}): needs astrocloud-azure. */
    AZURE
}
