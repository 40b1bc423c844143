package io.astrocloud.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.astrocloud.cli.HelpLayout;
import java.io.PrintWriter;
import java.io.StringWriter;
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
        HelpLayout.assertReadable(out.toString(), command);
    }
}
