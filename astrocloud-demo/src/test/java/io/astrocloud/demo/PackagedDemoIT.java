package io.astrocloud.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ./astrocloud demo} as users run it: the packaged jar with its {@code lib/} class path in a
 * fresh JVM (a dependency missing from the package fails here, not in a user's hands). Runs after
 * {@code package}, under failsafe.
 */
class PackagedDemoIT {
    @Test
    void demoRunsFromThePackagedJarAsTheLauncherRunsIt() throws Exception {
        Path jar = Path.of("target", "astrocloud-demo.jar");
        assertThat(jar).exists();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "demo", "--max-cards", "3").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        record Run(String out) {
        }
        Run run = new Run(output);
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(run.out()).contains("s3://demo-archive/tess/tess-s0022-4-4-cube.fits: 3 HDUs");
        assertThat(run.out()).contains("s3://demo-archive/hst/ibxl50clq_raw.fits: 81 HDUs");
        assertThat(run.out()).containsPattern("tess/tess-s0022-4-4-cube.fits +44\\.0 GB +3 +72,000");
        assertThat(run.out()).containsSubsequence("[1/7]", "[2/7]", "[3/7]", "[4/7]", "[5/7]", "[6/7]", "[7/7]",
                "Byte accounting");
        String out = run.out();
        // Each HDU described from its header: the TESS FFI's TAN-SIP footprint, the cube's missing WCS and why,
        // the HST science images, the compressed image through its image header.
        assertThat(out).containsSubsequence("[4/7]",
                "s3://demo-archive/tess/tess-s0022-4-4-cube.fits",
                "HDU 1  cube 2x1240, no sky position, 2020-02-19T02:52:52 .. +27.80 d, TESS/TESS Photometer",
                "no sky footprint: no celestial WCS: no CTYPEn keywords",
                "s3://demo-archive/hst/ibxl50clq_raw.fits",
                "HDU 1  image 1014x1014, centre 265.1754 -53.6743, field 3.2 arcmin, 2010-04-28T05:23:54 .. +1103 s,"
                        + " exposure 1103 s, HST/WFC3, target NGC-6397",
                "... 75 more HDUs",
                "s3://demo-archive/tess/s0014-1-1-0150-s_ffic.fits",
                "HDU 1  image 2136x2078, centre 278.7383 +35.7767, field 17.25 deg, 2019-07-18T20:32:31 .. +1800 s TDB,"
                        + " exposure 1425 s, TESS/TESS Photometer",
                "s_region POLYGON ICRS 283.676303931 28.250238007 269.880662686 31.302367074 272.913496323"
                        + " 43.096278644 288.559637547 39.529272233",
                "s3://demo-archive/hst/compressed_sci.fits.fz",
                "HDU 1  image 4096x4096, centre 202.4696 +47.1952, field 4.8 arcmin",
                "[5/7]");
        assertThat(out).contains("    tile-compressed image, stored as RICE_1, tiles 4096x1; its image header");
        // The route to Kafka (a broker process from the jars the build unpacked into target/kafka).
        assertThat(out).containsPattern("route HeadersToKafkaRoute.java +"
                + "s3://demo-archive/tess/tess-s0022-4-4-cube.fits -> kafka:fits-headers  3 records");
        assertThat(out).containsPattern("route headers-to-kafka.yaml +s3://demo-archive/hst/ibxl50clq_raw.fits"
                + " -> kafka:fits-headers  81 records");
        assertThat(out).contains("read back with a Kafka consumer: 84 records");
        assertThat(out)
                .containsPattern("s3://demo-archive/tess/tess-s0022-4-4-cube.fits#0 +\\[\\{\"keyword\":\"SIMPLE\"");
        assertThat(out).containsPattern("s3://demo-archive/hst/ibxl50clq_raw.fits#2 +\\[\\{\"keyword\":\"XTENSION\"");
        // Indexing on upload: the cube indexed from its headers alone, then found through the indexes.
        assertThat(out).containsPattern("log: INDEXED s3://fits-archive/tess/tess-s0022-4-4-cube.fits \\(3 HDUs\\)");
        assertThat(out)
                .contains("found s3://fits-archive/surveys/field 7/small+mef.fits  HDU 1-2 image  target_name=FIELD-7");
        assertThat(out).contains("found s3://fits-archive/tess/tess-s0022-4-4-cube.fits  HDU 1 cube  facility_name=TESS");
        // Direct invocation with the sample event files.
        assertThat(out).containsSubsequence("sam local invoke IndexFunction -e samples/events/s3-put.json",
                "log: INDEXED s3://fits-archive/surveys/field 7/small+mef.fits (3 HDUs)",
                "result: \"1 event(s) applied\"",
                "sam local invoke IndexFunction -e samples/events/s3-delete.json",
                "log: REMOVED s3://fits-archive/surveys/field 7/small+mef.fits", "result: \"1 event(s) applied\"");
        assertThat(out).doesNotContain("SKIPPED");
    }
}
