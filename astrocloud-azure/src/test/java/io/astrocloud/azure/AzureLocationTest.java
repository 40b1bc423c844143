package io.astrocloud.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AzureLocationTest {
    @Test
    void readsAccountUrlsWithTheirAccountAndKeepsASasApart() {
        AzureLocation l = AzureLocation.parse(
                "https://astrodata.blob.core.windows.net/hst/raw/a%20b.fits?sv=2024-08-04&sr=c&sp=r&sig=abc%3D");
        assertThat(l.serviceUrl()).isEqualTo("https://astrodata.blob.core.windows.net");
        assertThat(l.account()).isEqualTo("astrodata");
        assertThat(l.container()).isEqualTo("hst");
        assertThat(l.blob()).isEqualTo("raw/a b.fits");
        assertThat(l.sas()).isEqualTo("sv=2024-08-04&sr=c&sp=r&sig=abc%3D");
        assertThat(l.display()).isEqualTo("https://astrodata.blob.core.windows.net/hst/raw/a%20b.fits");
        assertThat(AzureLocation.parse("https://gov.blob.core.usgovcloudapi.net/c/b.fits").account()).isEqualTo("gov");
    }

    @Test
    void readsAzSchemeUrlsWithoutAnAccount() {
        AzureLocation l = AzureLocation.parse("az://hst/raw/a b.fits");
        assertThat(l.serviceUrl()).isNull();
        assertThat(l.container()).isEqualTo("hst");
        assertThat(l.blob()).isEqualTo("raw/a b.fits");
        assertThat(l.display()).isEqualTo("az://hst/raw/a b.fits");
        assertThat(AzureLocation.parse("az://hst/raw/").isPrefix()).isTrue();
        assertThat(AzureLocation.parse("az://hst").isPrefix()).isTrue();
        assertThatThrownBy(() -> AzureLocation.parse("az:///x.fits")).hasMessageContaining("no container");
    }

    @Test
    void leavesOtherHostsToOtherStores() {
        assertThat(AzureLocation.accepts("https://astrodata.blob.core.windows.net/c/b.fits")).isTrue();
        assertThat(AzureLocation.accepts("https://astrodata.file.core.windows.net/c/b.fits")).isFalse();
        assertThat(AzureLocation.accepts("https://example.org/c/b.fits")).isFalse();
        assertThat(AzureLocation.accepts("gs://c/b.fits")).isFalse();
    }
}
