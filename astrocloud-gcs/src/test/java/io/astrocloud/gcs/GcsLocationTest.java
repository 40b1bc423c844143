package io.astrocloud.gcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GcsLocationTest {
    @Test
    void readsEveryUrlFormOfOneObjectAlike() {
        for (String url : new String[] {
                "gs://gcp-public-data/tess/a b.fits",
                "https://storage.googleapis.com/gcp-public-data/tess/a%20b.fits",
                "https://storage.cloud.google.com/gcp-public-data/tess/a%20b.fits",
                "https://gcp-public-data.storage.googleapis.com/tess/a%20b.fits",
                "https://storage.googleapis.com/storage/v1/b/gcp-public-data/o/tess%2Fa%20b.fits?alt=media",
                "https://storage.googleapis.com/download/storage/v1/b/gcp-public-data/o/tess%2Fa%20b.fits?alt=media"}) {
            assertThat(GcsLocation.accepts(url)).as(url).isTrue();
            GcsLocation l = GcsLocation.parse(url);
            assertThat(l.bucket()).as(url).isEqualTo("gcp-public-data");
            assertThat(l.name()).as(url).isEqualTo("tess/a b.fits");
            assertThat(l.isPrefix()).isFalse();
        }
    }

    @Test
    void namesListedObjectsInTheFormOfThePrefix() {
        assertThat(GcsLocation.parse("gs://b/night/").urlOf("night/x 1.fits")).isEqualTo("gs://b/night/x 1.fits");
        assertThat(GcsLocation.parse("https://storage.googleapis.com/b/night/").urlOf("night/x 1.fits"))
                .isEqualTo("https://storage.googleapis.com/b/night/x%201.fits");
        assertThat(GcsLocation.parse("gs://b").isPrefix()).isTrue();
    }

    @Test
    void leavesOtherUrlsToOtherStores() {
        assertThat(GcsLocation.accepts("s3://b/k.fits")).isFalse();
        assertThat(GcsLocation.accepts("https://example.org/b/k.fits")).isFalse();
        assertThat(GcsLocation.accepts("https://b.s3.amazonaws.com/k.fits")).isFalse();
        assertThatThrownBy(() -> GcsLocation.parse("gs:///k.fits")).hasMessageContaining("no bucket");
    }

    @Test
    void leavesSignedUrlsToPlainHttp() {
        assertThat(GcsLocation.accepts("https://storage.googleapis.com/b/k.fits?X-Goog-Algorithm=GOOG4-RSA-SHA256"
                + "&X-Goog-Signature=abc")).isFalse();
    }
}
