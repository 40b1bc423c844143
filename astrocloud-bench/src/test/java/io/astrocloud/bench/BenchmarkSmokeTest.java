package io.astrocloud.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness end to end at tiny sizes (a few corpus files, 40 survey files, 2 ms latency): every
 * method reports on every file, and the report is written. Checks the harness, not the speed.
 */
class BenchmarkSmokeTest {
    @Test
    void reportsEveryMethodOnEveryFileAndNeverMoreBytesThanTheWholeFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("BENCHMARKS.md");
        StringWriter progress = new StringWriter();
        BenchResults r = new Benchmark(BenchSettings.tiny(out), new PrintWriter(progress)).run();

        assertThat(r.methods()).contains(MethodNames.DEFAULT, MethodNames.NO_PREDICTION, MethodNames.readAhead(2880),
                MethodNames.S3, MethodNames.BLOCKS, MethodNames.WHOLE_FILE);
        long files = r.measurements().stream().map(Measurement::file).distinct().count();
        assertThat(files).isEqualTo(3);
        assertThat(r.measurements()).hasSize((int) files * r.methods().size());
        for (Measurement m : r.measurements()) {
            if (!m.ok()) {
                continue;
            }
            Measurement whole = r.find(m.file().name(), MethodNames.WHOLE_FILE);
            if (m.method().startsWith(MethodNames.DEFAULT) && whole.ok()) {
                assertThat(m.median().bytes()).as(m.method() + " on " + m.file().name())
                        .isLessThanOrEqualTo(whole.median().bytes());
            }
        }
        assertThat(r.measurements().stream().filter(m -> m.method().equals(MethodNames.DEFAULT)))
                .allSatisfy(m -> assertThat(m.ok()).as(m.file().name() + ": " + m.error()).isTrue());
        assertThat(r.throughput()).singleElement().satisfies(t -> {
            assertThat(t.files()).isEqualTo(40);
            assertThat(t.failed()).isZero();
        });

        String md = Files.readString(out);
        assertThat(md).contains("# Benchmarks", "## Targets (issue 8)", "## Real files", "## Throughput");
        for (String method : r.methods()) {
            assertThat(md).contains("| " + method + " |");
        }
    }
}
