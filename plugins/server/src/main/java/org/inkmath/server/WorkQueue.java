package org.inkmath.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fixed number of workers behind a bounded queue: heavy work (recognition, rendering) never
 * piles up without limit. A task that finds the queue full is refused at once (the server answers
 * 503 with {@code Retry-After}); a task that waits past its deadline is cancelled before it starts.
 */
final class WorkQueue implements AutoCloseable {

    /** Counts for {@code /health}. */
    record Stats(int workers, int capacity, int running, int waiting, long completed, long rejected, long timedOut) {
    }

    private final String name;
    private final int capacity;
    private final ThreadPoolExecutor pool;
    private final AtomicInteger running = new AtomicInteger();
    /** Tasks accepted and not yet finished or given up: waiting plus running, at most workers + capacity. */
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();

    WorkQueue(String name, int workers, int capacity) {
        this.name = name;
        this.capacity = capacity;
        AtomicInteger threads = new AtomicInteger();
        // the bound is counted in admitted, exactly: a worker that has just finished one task and
        // not yet taken the next must not make the queue look full, so the queue itself has room
        // for every admitted task
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(workers + capacity), r -> {
                    Thread t = new Thread(r, "inkmath-" + name + "-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.prestartAllCoreThreads();
    }

    /**
     * Runs the task on a worker and waits for it until {@code deadlineNanos} (a
     * {@link System#nanoTime()} value).
     *
     * @throws ApiError 503 when the queue is full or the task never started in time, 504 when it
     *                  started but did not finish in time; or the task's own {@link ApiError}
     */
    <T> T run(Callable<T> task, long deadlineNanos) throws ApiError {
        AtomicInteger state = new AtomicInteger(); // 0 waiting, 1 started, 2 cancelled before start
        Callable<T> tracked = () -> {
            if (!state.compareAndSet(0, 1)) {
                return null; // its request already gave up waiting (and gave its place back)
            }
            running.incrementAndGet();
            try {
                return task.call();
            } finally {
                running.decrementAndGet();
                admitted.decrementAndGet();
                completed.incrementAndGet();
            }
        };
        if (admitted.incrementAndGet() > pool.getCorePoolSize() + capacity) {
            admitted.decrementAndGet();
            rejected.incrementAndGet();
            throw busy();
        }
        Future<T> future;
        try {
            future = pool.submit(tracked);
        } catch (RejectedExecutionException e) {
            admitted.decrementAndGet(); // shut down
            rejected.incrementAndGet();
            throw busy();
        }
        try {
            long wait = deadlineNanos - System.nanoTime();
            return future.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            timedOut.incrementAndGet();
            if (state.compareAndSet(0, 2)) {
                admitted.decrementAndGet();
                future.cancel(false);
                pool.remove((Runnable) future); // its queue slot is free at once
                throw new ApiError(503, "busy", "the server was too busy to start this " + name
                        + " within the time limit; try again shortly", 2);
            }
            // a started task cannot be stopped safely inside the native library; it finishes and
            // its result is dropped
            throw new ApiError(504, "timeout", "the " + name + " took longer than the time limit");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (state.compareAndSet(0, 2)) {
                admitted.decrementAndGet();
            }
            future.cancel(false);
            throw new ApiError(503, "shutting down", "the server is stopping", 2);
        } catch (CancellationException e) {
            throw new ApiError(503, "shutting down", "the server is stopping", 2);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ApiError api) {
                throw api;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private ApiError busy() {
        return new ApiError(503, "busy", "the " + name + " queue is full (" + capacity
                + " waiting); try again in a moment", 1);
    }

    Stats stats() {
        int busy = running.get();
        return new Stats(pool.getCorePoolSize(), capacity, busy, Math.max(0, admitted.get() - busy), completed.get(),
                rejected.get(), timedOut.get());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
