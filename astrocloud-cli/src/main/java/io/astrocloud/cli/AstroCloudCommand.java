package io.astrocloud.cli;

import io.astrocloud.fits.FitsFormatException;
import io.astrocloud.source.SourceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code astrocloud} command line. */
@Command(name = "astrocloud", mixinStandardHelpOptions = true, version = "astrocloud 0.1.0",
        description = "FITS headers from object storage with HTTP Range requests: a few KB, never the data.",
        subcommands = {HeadersCommand.class, GetCommand.class, IndexCommand.class, DemoCommand.class,
            BenchCommand.class})
public final class AstroCloudCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, with errors printed as one line naming URL, HDU and offset. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new AstroCloudCommand());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("error: " + e.getMessage());
            boolean input = e instanceof SourceException || e instanceof FitsFormatException
                    || e instanceof IllegalArgumentException;
            if (!input) {
                e.printStackTrace(line.getErr());
            }
            line.getErr().flush();
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
