package io.astrocloud.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ObjectLocationTest {
    @Test
    void readsS3SchemeUrls() {
        ObjectLocation l = ObjectLocation.parse("s3://stpubdata/tess/public/mast/tess-s0022-4-4-cube.fits");
        assertThat(l.store()).isEqualTo(ObjectLocation.Store.S3);
        assertThat(l.bucket()).isEqualTo("stpubdata");
        assertThat(l.key()).isEqualTo("tess/public/mast/tess-s0022-4-4-cube.fits");
        assertThat(l.region()).isNull();
        assertThat(l.isPrefix()).isFalse();
    }

    @Test
    void readsPathStyleS3HttpsUrlsWithTheirRegion() {
        ObjectLocation l = ObjectLocation.parse(
                "https://s3.us-east-1.amazonaws.com/stpubdata/tess/public/mast/tess-s0022-4-4-cube.fits");
        assertThat(l.store()).isEqualTo(ObjectLocation.Store.S3);
        assertThat(l.bucket()).isEqualTo("stpubdata");
        assertThat(l.key()).isEqualTo("tess/public/mast/tess-s0022-4-4-cube.fits");
        assertThat(l.region()).isEqualTo("us-east-1");
        assertThat(ObjectLocation.parse("https://s3.amazonaws.com/b/k.fits").region()).isNull();
        assertThat(ObjectLocation.parse("https://s3-eu-west-1.amazonaws.com/b/k.fits").region()).isEqualTo("eu-west-1");
    }

    @Test
    void readsVirtualHostedS3UrlsAndDecodesKeys() {
        ObjectLocation l = ObjectLocation.parse(
                "https://stpubdata.s3.us-east-1.amazonaws.com/hst/public/a%20b%2Bc.fits?versionId=v1");
        assertThat(l.bucket()).isEqualTo("stpubdata");
        assertThat(l.key()).isEqualTo("hst/public/a b+c.fits");
        assertThat(l.region()).isEqualTo("us-east-1");
        assertThat(l.versionId()).isEqualTo("v1");
        assertThat(ObjectLocation.parse("https://my.bucket.s3.amazonaws.com/k").bucket()).isEqualTo("my.bucket");
    }

    @Test
    void tellsPrefixesFromObjects() {
        assertThat(ObjectLocation.parse("s3://stpubdata/tess/public/ffi/s0022/").isPrefix()).isTrue();
        assertThat(ObjectLocation.parse("s3://stpubdata").isPrefix()).isTrue();
    }

    @Test
    void readsOtherHttpAndLocalPaths() {
        assertThat(ObjectLocation.parse("https://archive.stsci.edu/x.fits").store())
                .isEqualTo(ObjectLocation.Store.HTTP);
        assertThat(ObjectLocation.parse("/data/x.fits").path()).isEqualTo(Path.of("/data/x.fits"));
        assertThat(ObjectLocation.parse("file:///data/x.fits").path()).isEqualTo(Path.of("/data/x.fits"));
        assertThatThrownBy(() -> ObjectLocation.parse("ftp://host/x.fits"))
                .hasMessageContaining("unsupported URL scheme");
    }
}
