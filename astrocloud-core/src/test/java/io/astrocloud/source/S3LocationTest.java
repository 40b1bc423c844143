package io.astrocloud.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which store claims a URL, and where an S3 URL's object lives. */
class S3LocationTest {
    private static SourceResolver resolver;

    @BeforeAll
    static void start() {
        resolver = new SourceResolver(AccessOptions.defaults());
    }

    @AfterAll
    static void stop() {
        resolver.close();
    }

    private static String store(String url) {
        return resolver.provider(url).name();
    }

    @Test
    void readsS3SchemeUrls() {
        S3Location l = S3Location.parse("s3://stpubdata/tess/public/mast/tess-s0022-4-4-cube.fits");
        assertThat(store("s3://stpubdata/tess/public/mast/tess-s0022-4-4-cube.fits")).isEqualTo("s3");
        assertThat(l.bucket()).isEqualTo("stpubdata");
        assertThat(l.key()).isEqualTo("tess/public/mast/tess-s0022-4-4-cube.fits");
        assertThat(l.region()).isNull();
        assertThat(l.isPrefix()).isFalse();
    }

    @Test
    void readsPathStyleS3HttpsUrlsWithTheirRegion() {
        String url = "https://s3.us-east-1.amazonaws.com/stpubdata/tess/public/mast/tess-s0022-4-4-cube.fits";
        S3Location l = S3Location.parse(url);
        assertThat(store(url)).isEqualTo("s3");
        assertThat(l.bucket()).isEqualTo("stpubdata");
        assertThat(l.key()).isEqualTo("tess/public/mast/tess-s0022-4-4-cube.fits");
        assertThat(l.region()).isEqualTo("us-east-1");
        assertThat(S3Location.parse("https://s3.amazonaws.com/b/k.fits").region()).isNull();
        assertThat(S3Location.parse("https://s3-eu-west-1.amazonaws.com/b/k.fits").region()).isEqualTo("eu-west-1");
    }

    @Test
    void readsVirtualHostedS3UrlsAndDecodesKeys() {
        S3Location l = S3Location.parse(
                "https://stpubdata.s3.us-east-1.amazonaws.com/hst/public/a%20b%2Bc.fits?versionId=v1");
        assertThat(l.bucket()).isEqualTo("stpubdata");
        assertThat(l.key()).isEqualTo("hst/public/a b+c.fits");
        assertThat(l.region()).isEqualTo("us-east-1");
        assertThat(l.versionId()).isEqualTo("v1");
        assertThat(S3Location.parse("https://my.bucket.s3.amazonaws.com/k").bucket()).isEqualTo("my.bucket");
    }

    @Test
    void tellsPrefixesFromObjects() {
        assertThat(S3Location.parse("s3://stpubdata/tess/public/ffi/s0022/").isPrefix()).isTrue();
        assertThat(S3Location.parse("s3://stpubdata").isPrefix()).isTrue();
    }

    @Test
    void readsOtherHttpAndLocalPaths() {
        assertThat(store("https://archive.stsci.edu/x.fits")).isEqualTo("http");
        assertThat(store("/data/x.fits")).isEqualTo("file");
        assertThat(FileStoreProvider.path("/data/x.fits")).isEqualTo(Path.of("/data/x.fits"));
        assertThat(FileStoreProvider.path("file:///data/x.fits")).isEqualTo(Path.of("/data/x.fits"));
        assertThatThrownBy(() -> resolver.provider("ftp://host/x.fits"))
                .hasMessageContaining("unsupported URL scheme");
    }

    @Test
    void readsDigitalOceanSpacesUrlsInBothAddressingStyles() {
        String url = "https://my.space.nyc3.digitaloceanspaces.com/survey/a%20b.fits";
        S3Location virtual = S3Location.parse(url);
        assertThat(store(url)).isEqualTo("s3");
        assertThat(virtual.bucket()).isEqualTo("my.space");
        assertThat(virtual.key()).isEqualTo("survey/a b.fits");
        assertThat(virtual.region()).isEqualTo("nyc3");
        assertThat(virtual.endpoint()).hasToString("https://nyc3.digitaloceanspaces.com");
        assertThat(virtual.pathStyle()).isFalse();
        assertThat(virtual.canonical()).isEqualTo("https://my.space.nyc3.digitaloceanspaces.com/survey/a%20b.fits");

        S3Location path = S3Location.parse("https://fra1.digitaloceanspaces.com/space/survey/x.fits");
        assertThat(path.bucket()).isEqualTo("space");
        assertThat(path.key()).isEqualTo("survey/x.fits");
        assertThat(path.region()).isEqualTo("fra1");
        assertThat(path.endpoint()).hasToString("https://fra1.digitaloceanspaces.com");
        assertThat(path.pathStyle()).isTrue();
        assertThat(path.canonical()).isEqualTo("https://fra1.digitaloceanspaces.com/space/survey/x.fits");
        assertThat(S3Location.parse("https://fra1.digitaloceanspaces.com/space/survey/").isPrefix()).isTrue();
    }

    @Test
    void leavesSpacesCdnUrlsToPlainHttp() {
        assertThat(store("https://space.nyc3.cdn.digitaloceanspaces.com/x.fits")).isEqualTo("http");
    }

    @Test
    void readsOtherS3CompatibleServicesWithTheirRegions() {
        S3Location wasabi = S3Location.parse("https://s3.eu-central-1.wasabisys.com/bucket/k.fits");
        assertThat(wasabi.endpoint()).hasToString("https://s3.eu-central-1.wasabisys.com");
        assertThat(wasabi.region()).isEqualTo("eu-central-1");
        assertThat(S3Location.parse("https://bucket.s3.wasabisys.com/k.fits").region()).isEqualTo("us-east-1");
        S3Location b2 = S3Location.parse("https://bucket.s3.us-west-004.backblazeb2.com/k.fits");
        assertThat(b2.bucket()).isEqualTo("bucket");
        assertThat(b2.region()).isEqualTo("us-west-004");
        assertThat(b2.pathStyle()).isFalse();
        S3Location linode = S3Location.parse("https://us-east-1.linodeobjects.com/bucket/k.fits");
        assertThat(linode.bucket()).isEqualTo("bucket");
        assertThat(linode.pathStyle()).isTrue();
    }

    @Test
    void keepsTheServiceAndAddressingForObjectsFoundUnderAPrefix() {
        S3Location prefix = S3Location.parse("https://space.nyc3.digitaloceanspaces.com/night/");
        S3Location child = prefix.withKey("night/frame 1.fits");
        assertThat(child.endpoint()).isEqualTo(prefix.endpoint());
        assertThat(child.canonical()).isEqualTo("https://space.nyc3.digitaloceanspaces.com/night/frame%201.fits");
        assertThat(S3Location.parse("s3://b/night/").withKey("night/x.fits").canonical())
                .isEqualTo("s3://b/night/x.fits");
    }
}
