package io.astrocloud.bench.micro;

import io.astrocloud.fits.Card;
import io.astrocloud.fits.CardParser;
import io.astrocloud.fits.HeaderParser;
import io.astrocloud.testkit.fits.SyntheticFits;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nom.tam.fits.Header;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Header parsing, the walker's CPU per HDU: {@link CardParser} (astropy's rules, typed values) and
 * {@link HeaderParser} (nom-tam-fits' Header), on real-shaped headers. The {@code cards} counter
 * reads as cards per second. Run: see astrocloud-bench/README.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HeaderParsingBenchmark {
    /** Which header: the HST primary (290 cards), an HST SCI extension, the TESS table (730 cards). */
    @Param({"hst-primary", "hst-sci", "tess-table"})
    public String header;

    private byte[] bytes;
    private int cards;

    /** Picks the header's bytes. */
    @Setup
    public void pick() {
        switch (header) {
            case "hst-primary":
                bytes = SyntheticFits.hstWfc3Ir(1).get(0).header();
                break;
            case "hst-sci":
                bytes = SyntheticFits.hstWfc3Ir(1).get(1).header();
                break;
            default:
                bytes = SyntheticFits.tessCube().get(2).header();
        }
        cards = CardParser.parse(bytes, bytes.length).size();
    }

    /** Card images to typed cards. */
    @Benchmark
    public List<Card> cardParser(ParsedCards counter) {
        counter.cards += cards;
        return CardParser.parse(bytes, bytes.length);
    }

    /** Header bytes to a nom-tam-fits Header. */
    @Benchmark
    public Header headerParser(ParsedCards counter) throws IOException {
        counter.cards += cards;
        return HeaderParser.parse(bytes, bytes.length);
    }
}
