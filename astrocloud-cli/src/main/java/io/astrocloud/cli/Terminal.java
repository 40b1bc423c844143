package io.astrocloud.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether standard error is a terminal, which decides whether progress is drawn there (standard
 * output may be redirected to a file meanwhile: {@code headers --jsonl > out.jsonl}). The JDK only
 * tells whether stdin and stdout both are ({@link System#console()}), so: what {@code ./astrocloud}
 * found with {@code [ -t 2 ]} (property {@value #PROPERTY}), else where Linux says fd 2 leads, else
 * the console.
 */
final class Terminal {
    /** Set by the launcher script to true or false. */
    static final String PROPERTY = "astrocloud.stderr.tty";

    private Terminal() {
    }

    static boolean stderrIsTerminal() {
        String told = System.getProperty(PROPERTY);
        if (told != null && !told.isBlank()) {
            return Boolean.parseBoolean(told.strip());
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException notLinux) {
            return System.console() != null;
        }
    }
}
