package io.astrocloud.cli;

import io.astrocloud.fits.FitsFormatException;
import io.astrocloud.source.Redaction;
import io.astrocloud.source.SourceException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code astrocloud} command line. */
@Command(name = "astrocloud", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "FITS headers from object storage with HTTP Range requests: a few KB, never the data.",
        subcommands = {HeadersCommand.class, GetCommand.class, IndexCommand.class},
        footer = {"", "In a clone of the repository, ./astrocloud demo and ./astrocloud bench run the",
            "demo and the benchmarks on embedded servers (module astrocloud-demo)."})
public final class AstroCloudCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line, with errors printed as one line naming URL, HDU and offset (and a stack
     * trace for what is not a problem of the input), their secrets masked ({@link Redaction}).
     * Usage errors, invalid option values included, exit with status 2; failures with 1.
     */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AstroCloudCommand());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + Redaction.text(e.getMessage()));
            boolean input = e instanceof SourceException || e instanceof FitsFormatException
                    || e instanceof IllegalArgumentException;
            if (!input) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                line.getErr().print(Redaction.text(trace.toString()));
            }
            line.getErr().flush();
            return 1;
        });
        cl.setParameterExceptionHandler((e, args) -> {
            CommandLine line = e.getCommandLine();
            PrintWriter err = line.getErr();
            err.println(Redaction.text(e.getMessage()));
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
                line.usage(err, line.getColorScheme());
            }
            err.flush();
            return line.getCommandSpec().exitCodeOnInvalidInput();
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
