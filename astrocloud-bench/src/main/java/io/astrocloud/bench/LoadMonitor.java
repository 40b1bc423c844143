package io.astrocloud.bench;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples the load average through a run, so that the report can say how busy the machine was. */
final class LoadMonitor implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-load");
        t.setDaemon(true);
        return t;
    });
    private final double atStart = MachineInfo.loadAverage();
    private double sum;
    private int samples;
    private double max;

    LoadMonitor() {
        timer.scheduleAtFixedRate(this::sample, 0, 5, TimeUnit.SECONDS);
    }

    private synchronized void sample() {
        double l = MachineInfo.loadAverage();
        sum += l;
        samples++;
        max = Math.max(max, l);
    }

    /** The 1-minute load average when the run started. */
    double atStart() {
        return atStart;
    }

    /** The mean of the samples. */
    synchronized double mean() {
        return samples == 0 ? atStart : sum / samples;
    }

    /** The highest sample. */
    synchronized double max() {
        return max;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
