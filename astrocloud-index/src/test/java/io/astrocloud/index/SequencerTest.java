package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Sequencers compare as S3 documents: right-pad the shorter with zeros, then lexicographically. */
class SequencerTest {
    @Test
    void comparesByRightPaddingTheShorterWithZeros() {
        // Right-padded, 0065A1B2C3D4E5F7 is 0065A1B2C3D4E5F700: later than 0065A1B2C3D4E5F601.
        // (Left-padding, which older S3 documentation described, would order them the other way.)
        assertThat(Sequencer.of("0065A1B2C3D4E5F7")).isGreaterThan(Sequencer.of("0065A1B2C3D4E5F601"));
        assertThat(Sequencer.of("0A")).isEqualTo(Sequencer.of("0A00"));
        assertThat(Sequencer.of("0a1b")).isEqualTo(Sequencer.of("0A1B"));
        assertThat(Sequencer.of("0065A1B2C3D4E5F601").value()).hasSize(Sequencer.WIDTH)
                .startsWith("0065A1B2C3D4E5F601").endsWith("000");
    }

    @Test
    void storedFormComparesTheSameWayAsStrings() {
        Sequencer a = Sequencer.of("0065A1B2C3D4E5F7");
        Sequencer b = Sequencer.of("0065A1B2C3D4E5F601");
        // DynamoDB compares the stored strings byte by byte: it must agree with compareTo.
        assertThat(Integer.signum(a.value().compareTo(b.value()))).isEqualTo(Integer.signum(a.compareTo(b)));
        assertThat(Sequencer.stored(a.value())).isEqualTo(a);
    }

    @Test
    void backfillsSortBeforeEveryEvent() {
        assertThat(Sequencer.NONE).isLessThan(Sequencer.of("0"));
        assertThat(Sequencer.NONE.isNone()).isTrue();
        assertThat(Sequencer.stored("")).isEqualTo(Sequencer.NONE);
    }

    @Test
    void refusesWhatIsNotASequencer() {
        assertThatThrownBy(() -> Sequencer.of("0065-A1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0065-A1");
        assertThatThrownBy(() -> Sequencer.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sequencer.of("F".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }
}
