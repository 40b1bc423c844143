package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keys arrive URL-encoded, differently per event source. */
class KeyEncodingTest {
    @Test
    void notificationsEncodeSpacesAsPlus() {
        assertThat(KeyEncoding.FORM.decode("surveys/field+7/small%2Bmef.fits")).isEqualTo("surveys/field 7/small+mef.fits");
        assertThat(KeyEncoding.FORM.decode("M31+%E2%80%93+Andromeda/%C3%B1%3A1.fits"))
                .isEqualTo("M31 – Andromeda/ñ:1.fits");
    }

    @Test
    void batchOperationsPercentEncodeAndKeepPlus() {
        assertThat(KeyEncoding.PERCENT.decode("surveys/field%207/small+mef.fits")).isEqualTo("surveys/field 7/small+mef.fits");
        assertThat(KeyEncoding.PERCENT.decode("%C3%B1.fits")).isEqualTo("ñ.fits");
    }
}
