package io.astrocloud.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The machine a run measured: processor, cores, memory, system, Java, and the load average (other
 * work on the machine skews timings; the report says how busy it was).
 *
 * @param cpu       the processor model
 * @param cores     processors available to the JVM
 * @param memoryGiB physical memory
 * @param os        system and kernel
 * @param java      the JVM
 * @param date      when the run started
 */
public record MachineInfo(String cpu, int cores, double memoryGiB, String os, String java, Instant date) {
    /** This machine, now. */
    static MachineInfo now() {
        return new MachineInfo(procField("/proc/cpuinfo", "model name"), Runtime.getRuntime().availableProcessors(),
                memTotalKiB() / 1024.0 / 1024.0, System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), Instant.now());
    }

    /** The 1-minute load average, or -1 where /proc/loadavg is missing. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String procField(String file, String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String line : lines) {
                if (line.startsWith(name)) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // Not Linux: unknown.
        }
        return "unknown";
    }

    private static long memTotalKiB() {
        String v = procField("/proc/meminfo", "MemTotal");
        return v.equals("unknown") ? 0 : Long.parseLong(v.replaceAll("\\D", ""));
    }
}
