package io.astrocloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.testkit.fits.SparseFitsWriter;
import io.astrocloud.testkit.fits.SyntheticFits;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void indexesOneFile() throws Exception {
        IndexFixture f = IndexFixture.withTable("smoke");
        ObjectEvent e = f.upload("a/small.fits", SparseFitsWriter.toBytes(SyntheticFits.smallMultiExtension(3, 2)));
        IndexOutcome o = f.indexer.apply(e);
        System.out.println(o);
        assertThat(o.result()).isEqualTo(IndexOutcome.Result.INDEXED);
        f.items(e.objectUrl()).forEach(i -> System.out.println(IndexFixture.plain(i)));
    }
}
