package io.astrocloud.scan;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Runs a task on each item of an input, at most {@code bound} at a time, and hands the results
 * back as each completes (not in input order). Items are drawn from the input only as slots free
 * up, so an input of millions (a listing) is never held in memory. Tasks report their own errors
 * as results; a task that throws anyway fails the iteration rather than leaving it waiting. Used
 * by one consuming thread.
 *
 * @param <T> the items
 * @param <R> the results
 */
public final class BoundedFanOut<T, R> implements Iterator<R> {
    private final Iterator<T> input;
    private final Function<T, R> task;
    private final Executor pool;
    private final Semaphore slots;
    private final BlockingQueue<Done<R>> done;
    private int inFlight;
    private volatile boolean stopped;
    private R next;

    /** A result, or what the task threw instead. */
    private record Done<R>(R result, Throwable failure) {
    }

    /**
     * @param input the items, drawn lazily
     * @param task  what to run on each item (should not throw: errors belong in its result)
     * @param pool  where tasks run; it needs {@code bound} threads to reach the bound
     * @param bound tasks in flight at most
     */
    public BoundedFanOut(Iterator<T> input, Function<T, R> task, Executor pool, int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be at least 1");
        }
        this.input = input;
        this.task = task;
        this.pool = pool;
        this.slots = new Semaphore(bound);
        this.done = new ArrayBlockingQueue<>(bound);
    }

    /**
     * True while results remain; waits for the next one to complete. False once the input is
     * exhausted and every task has reported, after {@link #stop()}, or when interrupted (the
     * thread's interrupt flag is then set).
     */
    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        feed();
        if (inFlight == 0) {
            return false;
        }
        Done<R> d;
        try {
            d = done.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return false;
        }
        inFlight--;
        slots.release();
        if (d.failure() != null) {
            stop();
            throw new IllegalStateException("a task failed unexpectedly: " + d.failure(), d.failure());
        }
        next = d.result();
        return true;
    }

    @Override
    public R next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        R r = next;
        next = null;
        return r;
    }

    /** Draws no more items; tasks already running finish on their own. */
    public void stop() {
        stopped = true;
    }

    private void feed() {
        while (!stopped && slots.tryAcquire()) {
            T item;
            try {
                if (!input.hasNext()) {
                    slots.release();
                    return;
                }
                item = input.next();
            } catch (RuntimeException inputFailed) {
                slots.release();
                throw inputFailed;
            }
            inFlight++;
            pool.execute(() -> {
                Done<R> d;
                try {
                    d = new Done<>(task.apply(item), null);
                } catch (Throwable t) {
                    d = new Done<>(null, t);
                }
                done.add(d);
            });
        }
    }
}
