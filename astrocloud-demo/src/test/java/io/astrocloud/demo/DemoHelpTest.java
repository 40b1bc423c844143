package io.astrocloud.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code demo} and {@code bench} help, as the command line's own commands have it. */
class DemoHelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"bench", "demo"})
    void helpFitsEightyColumnsAndWrapsItsDescriptionAsOneParagraph(String command) {
        StringWriter out = new StringWriter();
        CommandLine cl = DemoCommandLine.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute(command, "--help")).isZero();
        List<String> lines = out.toString().lines().collect(Collectors.toList());
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
        assertThat(lines.get(0)).startsWith("Usage: astrocloud " + command + " [OPTIONS]");
        // The description: lines filled up to the width, only the last one short.
        List<String> description = lines.subList(1, lines.size()).stream()
                .takeWhile(l -> !l.startsWith(" ")).collect(Collectors.toList());
        assertThat(description).isNotEmpty();
        assertThat(description.subList(0, description.size() - 1))
                .allSatisfy(l -> assertThat(l.length()).as(l).isGreaterThan(60));
    }
}
