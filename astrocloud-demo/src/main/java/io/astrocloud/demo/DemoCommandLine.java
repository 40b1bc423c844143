package io.astrocloud.demo;

import io.astrocloud.cli.AstroCloudCommand;
import picocli.CommandLine;

/**
 * The command line behind {@code ./astrocloud demo} and {@code ./astrocloud bench}: the
 * {@code astrocloud} command with two more subcommands, {@link DemoCommand} and
 * {@link BenchCommand}. They need test servers (S3Proxy, DynamoDB Local, a Kafka broker, HTTP with
 * latency) that the command line's own distribution leaves out, so they live in this artifact; the
 * launcher script sends {@code demo} and {@code bench} here and every other command to
 * {@code astrocloud-cli}.
 */
public final class DemoCommandLine {
    private DemoCommandLine() {
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line of {@link AstroCloudCommand#commandLine()}, with {@code demo} and {@code bench}. */
    public static CommandLine commandLine() {
        CommandLine cl = AstroCloudCommand.commandLine();
        cl.addSubcommand(new DemoCommand());
        cl.addSubcommand(new BenchCommand());
        // The lean command line's pointer to this one has no place here.
        cl.getCommandSpec().usageMessage().footer(new String[0]);
        return cl;
    }
}
