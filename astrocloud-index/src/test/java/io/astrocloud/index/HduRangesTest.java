package io.astrocloud.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** HDU numbers as runs, and back. */
class HduRangesTest {
    @Test
    void writesRunsAndReadsThemBack() {
        List<Integer> eighty = IntStream.rangeClosed(1, 80).boxed().toList();
        assertThat(HduRanges.format(eighty)).isEqualTo("1-80");
        assertThat(HduRanges.parse("1-80")).isEqualTo(eighty);
        assertThat(HduRanges.format(List.of(0, 2, 5, 6, 7, 8, 9, 12))).isEqualTo("0,2,5-9,12");
        assertThat(HduRanges.parse("0,2,5-9,12")).containsExactly(0, 2, 5, 6, 7, 8, 9, 12);
        assertThat(HduRanges.format(List.of(3))).isEqualTo("3");
        assertThat(HduRanges.format(List.of())).isEmpty();
    }

    @Test
    void rejectsWhatIsNotRuns() {
        assertThatThrownBy(() -> HduRanges.parse("9-5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HduRanges.parse("a")).isInstanceOf(IllegalArgumentException.class);
    }
}
