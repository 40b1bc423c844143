package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The search form of names: one key for the spellings of one name, distinct keys for distinct names. */
class NameKeyTest {
    @Test
    void spellingsOfOneNameShareAKey() {
        assertThat(NameKey.of("NGC 1316")).contains("ngc1316");
        assertThat(NameKey.of("ngc1316")).contains("ngc1316");
        assertThat(NameKey.of("NGC-1316")).contains("ngc1316");
        assertThat(NameKey.of(" ngc_1316 ")).contains("ngc1316");
        assertThat(NameKey.of("M 31")).isEqualTo(NameKey.of("m31"));
        assertThat(NameKey.of("TESS Photometer")).contains("tessphotometer");
        assertThat(NameKey.of("X-ray Detector")).contains("xraydetector");
        assertThat(NameKey.of("Barnard's Star")).contains("barnardsstar");
    }

    @Test
    void accentsAndCompatibilityFormsFold() {
        assertThat(NameKey.of("Ñandú")).contains("nandu");
        assertThat(NameKey.of("Ｍ３１")).contains("m31");
        assertThat(NameKey.of("α Cen")).contains("αcen");
    }

    @Test
    void aSignBetweenDigitsIsPartOfTheName() {
        assertThat(NameKey.of("GRS 1915+105")).contains("grs1915+105");
        assertThat(NameKey.of("GRS 1915-105")).contains("grs1915-105");
        assertThat(NameKey.of("2MASS J12345678-1234567")).contains("2massj12345678-1234567");
        // Elsewhere a sign is punctuation.
        assertThat(NameKey.of("NGC-6397")).contains("ngc6397");
        assertThat(NameKey.of("field 2 - flat")).contains("field2flat");
        assertThat(NameKey.of("+105")).contains("105");
    }

    @Test
    void aNameWithoutLettersOrDigitsHasNoKey() {
        assertThat(NameKey.of("---")).isEmpty();
        assertThat(NameKey.of("   ")).isEmpty();
        assertThat(NameKey.of(null)).isEmpty();
    }
}
