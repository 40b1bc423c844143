package io.astrocloud.fits;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.astrocloud.source.MemoryRangeSource;
import io.astrocloud.source.SourceException;
import java.io.IOException;

/**
 * Fuzzes the walker with arbitrary objects (Jazzer). Any outcome other than HDUs or a clear
 * {@link FitsFormatException} / {@link SourceException} is a bug: a crash, a hang (Jazzer's
 * timeout), running out of memory, or a huge allocation from a tiny input. Run in {@code mvn
 * verify} over the saved inputs in {@code src/test/resources/io/astrocloud/fits/WalkerFuzzTestInputs}
 * (generated files, the corpus headers and every input that ever found a bug); fuzz for longer with
 * {@code JAZZER_FUZZ=1 mvn -pl astrocloud-core -am test -Dtest=WalkerFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (see README.md, Reliability).
 */
class WalkerFuzzTest {
    @FuzzTest(maxDuration = "30m")
    void walksAnyObject(FuzzedDataProvider data) {
        int readAhead = 2880 * (1 + data.consumeInt(0, 7));
        boolean gzip = data.consumeBoolean();
        boolean prefetch = data.consumeBoolean();
        byte[] object = data.consumeRemainingAsBytes();
        WalkOptions options = new WalkOptions(readAhead, 64 * 2880, gzip, prefetch ? 4 : 0);
        try (HeaderWalk walk = HeaderWalk.over(new MemoryRangeSource("fuzz://object", object), options)) {
            for (Hdu h = walk.next(); h != null; h = walk.next()) {
                h.cards();
                h.cardImages();
                h.paddedDataSize();
                try {
                    h.header();
                } catch (java.io.UncheckedIOException e) {
                    if (!(e.getCause() instanceof FitsFormatException)) {
                        throw e;
                    }
                }
            }
        } catch (FitsFormatException | SourceException expected) {
            // A clear refusal naming the offset: the right answer for bad input.
        } catch (IOException e) {
            throw new IllegalStateException("an in-memory object failed without a clear reason", e);
        }
    }
}
