package io.astrocloud.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Content-Range header of a 206, as RFC 9110 writes it. */
class ContentRangeTest {
    @Test
    void readsTheFirstAndLastByteAndTheSize() {
        assertThat(ContentRange.parse("bytes 0-2879/74880")).isEqualTo(new ContentRange(0, 2879, 74880));
        assertThat(ContentRange.parse(" bytes 44000000000-44000002879/44000100000 "))
                .isEqualTo(new ContentRange(44_000_000_000L, 44_000_002_879L, 44_000_100_000L));
    }

    @Test
    void givesMinusOneForASizeTheServerDoesNotKnow() {
        assertThat(ContentRange.parse("bytes 100-199/*")).isEqualTo(new ContentRange(100, 199, -1));
    }

    @Test
    void refusesWhatIsNotASatisfiedByteRange() {
        assertThat(ContentRange.parse(null)).isNull();
        assertThat(ContentRange.parse("bytes */74880")).as("416's unsatisfied form").isNull();
        assertThat(ContentRange.parse("items 0-9/10")).isNull();
        assertThat(ContentRange.parse("bytes 0-9")).isNull();
        assertThat(ContentRange.parse("bytes -5-9/10")).isNull();
    }
}
