package io.astrocloud.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How a command's {@code --help} must look: within 80 columns, the usage line first, and the
 * description wrapped as one paragraph (lines filled up to the width, only the last one short).
 * Shared with the demo's tests through this module's test jar.
 */
public final class HelpLayout {
    private HelpLayout() {
    }

    /** Asserts that {@code help}, what {@code astrocloud COMMAND --help} printed, is laid out so. */
    public static void assertReadable(String help, String command) {
        List<String> lines = help.lines().collect(Collectors.toList());
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(80));
        assertThat(lines.get(0)).startsWith("Usage: astrocloud " + command + " [OPTIONS]");
        List<String> description = lines.subList(1, lines.size()).stream()
                .takeWhile(l -> !l.startsWith(" ")).collect(Collectors.toList());
        assertThat(description).isNotEmpty();
        assertThat(description.subList(0, description.size() - 1))
                .allSatisfy(l -> assertThat(l.length()).as(l).isGreaterThan(60));
    }
}
