package io.astrocloud.cli;

import picocli.CommandLine.Option;

/** Whether a command draws its progress line (always on stderr, never mixed into the output). */
final class ProgressMixin {
    @Option(names = "--progress", negatable = true,
            description = "Draw progress on stderr (default: when stderr is a terminal).")
    Boolean progress;

    /** True when progress is to be drawn: as asked, else when stderr is a terminal. */
    boolean shown() {
        return progress != null ? progress : Terminal.stderrIsTerminal();
    }
}
