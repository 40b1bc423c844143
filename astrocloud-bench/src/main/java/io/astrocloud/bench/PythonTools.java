package io.astrocloud.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Python side of the benchmark: an interpreter with Debian's astropy, fsspec and aiohttp (the
 * comparison) and matplotlib (the plot). Installs them with apt-get when they are missing and
 * apt-get can (root on Debian); otherwise says why, and the benchmark goes on without them.
 */
final class PythonTools {
    /** Debian packages the comparison and the plot need. */
    static final List<String> PACKAGES = List.of("python3-astropy", "python3-fsspec", "python3-aiohttp",
            "python3-matplotlib");
    private static final List<String> INTERPRETERS = List.of("/usr/bin/python3", "python3");

    private final String python;
    private final String note;

    private PythonTools(String python, String note) {
        this.python = python;
        this.note = note;
    }

    /** Finds an interpreter with the packages, installing them first if {@code install} and need be and possible. */
    static PythonTools ensure(boolean install, PrintWriter progress) {
        String found = find();
        if (found != null) {
            return new PythonTools(found, null);
        }
        if (!install) {
            return new PythonTools(null, "python3 lacks astropy, fsspec, aiohttp or matplotlib (not installed by "
                    + "this run; ./astrocloud bench installs them with apt-get)");
        }
        String why = install(progress);
        found = find();
        return found != null ? new PythonTools(found, null) : new PythonTools(null, why);
    }

    /** The interpreter, or null when none has the packages. */
    String python() {
        return python;
    }

    /** Why there is no interpreter, for the report; null when there is one. */
    String note() {
        return note;
    }

    /** Copies a script from this module's resources to {@code dir} and returns its path. */
    static Path script(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = PythonTools.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static String find() {
        for (String p : INTERPRETERS) {
            if (run(List.of(p, "-c", "import astropy, fsspec, aiohttp, matplotlib"), 60) == 0) {
                return p;
            }
        }
        return null;
    }

    private static String install(PrintWriter progress) {
        if (run(List.of("apt-get", "--version"), 30) != 0) {
            return "apt-get is not available: install " + String.join(", ", PACKAGES) + " by hand";
        }
        progress.println("  installing " + String.join(" ", PACKAGES) + " with apt-get ...");
        progress.flush();
        run(List.of("apt-get", "update"), 600);
        List<String> cmd = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
        cmd.addAll(PACKAGES);
        int status = run(cmd, 1200);
        return status == 0 ? null : "apt-get install " + String.join(" ", PACKAGES) + " failed (status " + status
                + "; root needed)";
    }

    private static int run(List<String> command, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
