package io.astrocloud.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.auth.S3Access;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The S3 settings a resolver derives from a URL: endpoint, region and addressing of S3-compatible stores. */
class S3AccessForUrlTest {
    private static S3Access accessFor(AccessOptions options, String url) {
        S3StoreProvider s3 = new S3StoreProvider();
        return s3.access(s3.locate(url, options), options);
    }

    @Test
    void takesEndpointRegionAndAddressingFromASpacesUrl() {
        S3Access virtual = accessFor(AccessOptions.defaults(), "https://space.nyc3.digitaloceanspaces.com/k.fits");
        assertThat(virtual.endpoint()).isEqualTo(URI.create("https://nyc3.digitaloceanspaces.com"));
        assertThat(virtual.region()).isEqualTo("nyc3");
        assertThat(virtual.pathStyle()).isFalse();

        S3Access path = accessFor(AccessOptions.defaults(), "https://nyc3.digitaloceanspaces.com/space/k.fits");
        assertThat(path.endpoint()).isEqualTo(URI.create("https://nyc3.digitaloceanspaces.com"));
        assertThat(path.pathStyle()).isTrue();
    }

    @Test
    void letsTheOptionsEndpointAndRegionWinButTheUrlStillDecidesAddressing() {
        AccessOptions options = AccessOptions.builder().s3(S3Access.builder()
                .endpoint(URI.create("http://proxy.example:8080")).region("us-east-1").pathStyle(true).build()).build();
        S3Access a = accessFor(options, "https://space.nyc3.digitaloceanspaces.com/k.fits");
        assertThat(a.endpoint()).isEqualTo(URI.create("http://proxy.example:8080"));
        assertThat(a.region()).isEqualTo("us-east-1");
        assertThat(a.pathStyle()).isFalse();
    }

    @Test
    void readsMinioStyleUrlsOnTheConfiguredEndpointInBothStyles() {
        AccessOptions options = AccessOptions.builder().s3(S3Access.builder()
                .endpoint(URI.create("http://minio.example:9000")).pathStyle(true).build()).build();
        try (SourceResolver r = new SourceResolver(options)) {
            S3StoreProvider s3 = r.provider(S3StoreProvider.class);
            S3Location path = s3.locate("http://minio.example:9000/survey/night/x.fits", options);
            assertThat(path.bucket()).isEqualTo("survey");
            assertThat(path.key()).isEqualTo("night/x.fits");
            assertThat(s3.access(path, options).pathStyle()).isTrue();

            S3Location virtual = s3.locate("http://survey.minio.example:9000/night/x.fits", options);
            assertThat(virtual.bucket()).isEqualTo("survey");
            assertThat(virtual.key()).isEqualTo("night/x.fits");
            assertThat(s3.access(virtual, options).pathStyle()).isFalse();
            assertThat(s3.access(virtual, options).endpoint()).isEqualTo(URI.create("http://minio.example:9000"));

            assertThat(r.provider("http://other.example:9000/survey/x.fits").name()).isEqualTo("http");
            assertThat(s3.access(s3.locate("s3://survey/x.fits", options), options).pathStyle()).isTrue();
        }
    }

    @Test
    void keepsAmazonRegionsFromTheHostAsBefore() {
        S3Access a = accessFor(AccessOptions.defaults(), "https://b.s3.eu-west-1.amazonaws.com/k.fits");
        assertThat(a.region()).isEqualTo("eu-west-1");
        assertThat(a.endpoint()).isNull();
    }
}
