package io.astrocloud.describe;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.fits.Hdu;
import io.astrocloud.fits.HeaderWalk;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.golden.AstropyFootprint;
import io.astrocloud.source.FileRangeSource;
import io.astrocloud.source.ObjectInfo;
import io.astrocloud.testkit.fits.HduSpec;
import io.astrocloud.testkit.fits.SkyFiles;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated files the demo and the benchmarks use, described end to end against astropy
 * (fixtures of {@code oracles/make_testkit_wcs_golden.py}): the TESS full-frame image's TAN-SIP
 * footprint, the HST-like science image's, the tile-compressed image's through its image header;
 * every other HDU without a sky position, with its reason.
 */
class GeneratedFilesSkyTest {
    @Test
    void generatedFilesHaveAstropysFootprintsToAFiftiethOfAnArcsecond(@TempDir Path dir) throws IOException {
        List<String> differences = new ArrayList<>();
        int withSky = 0;
        for (Map.Entry<String, List<HduSpec>> file : SkyFiles.all().entrySet()) {
            Path path = dir.resolve(file.getKey());
            SparseFitsWriter.write(path, file.getValue());
            List<Hdu> hdus;
            try (HeaderWalk walk = HeaderWalk.over(new FileRangeSource(path), WalkOptions.DEFAULT)) {
                hdus = walk.toList();
            }
            ObsCoreRows rows = ObsCoreRows.of(hdus, new ObjectInfo(Files.size(path), null));
            for (Hdu hdu : hdus) {
                ObsCore obs = rows.row(hdu);
                Optional<AstropyFootprint> astropy = Optional.ofNullable(
                        AstropyFootprint.testkit().get(file.getKey() + "-hdu" + hdu.index()));
                if (astropy.isPresent() && astropy.get().sky()) {
                    differences.addAll(astropy.get().differences(obs.real(ObsCoreColumn.S_RA).orElse(Double.NaN),
                            obs.real(ObsCoreColumn.S_DEC).orElse(Double.NaN), obs.real(ObsCoreColumn.S_FOV).orElse(Double.NaN),
                            obs.string(ObsCoreColumn.S_REGION).orElse("POLYGON ICRS")));
                    withSky++;
                } else {
                    assertThat(obs.why(ObsCoreColumn.S_REGION)).as(file.getKey() + " HDU " + hdu.index()).isPresent();
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(withSky).isEqualTo(AstropyFootprint.testkit().size()).isEqualTo(4);
    }
}
