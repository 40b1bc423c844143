package io.astrocloud.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * One in-process run of the command line with everything it printed: picocli's out and err, and
 * the process's own stdout and stderr (binary downloads, anything a logger or library writes).
 *
 * @param status the exit status
 * @param out    what the command printed as its output
 * @param err    what it printed as messages
 * @param stdout bytes written to {@code System.out}
 * @param stderr bytes written to {@code System.err}
 */
record CliRun(int status, String out, String err, byte[] stdout, String stderr) {
    /** Runs {@code astrocloud args...}; System.out and System.err are captured for the time of the run. */
    static synchronized CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        int status;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            CommandLine cl = AstroCloudCommand.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            status = cl.execute(args);
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
        return new CliRun(status, out.toString(), err.toString(), stdout.toByteArray(),
                stderr.toString(StandardCharsets.UTF_8));
    }

    /** Everything printed, in one text. */
    String all() {
        return out + "\n" + err + "\n" + new String(stdout, StandardCharsets.ISO_8859_1) + "\n" + stderr;
    }
}
