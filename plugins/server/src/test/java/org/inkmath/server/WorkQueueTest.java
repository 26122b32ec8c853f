package org.inkmath.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

    private static long in(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void runsTasksAndCountsThem() throws Exception {
        try (WorkQueue q = new WorkQueue("test", 2, 4)) {
            assertEquals(42, q.run(() -> 42, in(5_000)));
            assertEquals(1, q.stats().completed());
        }
    }

    @Test
    void aFullQueueIsRefusedAtOnceWithRetryAfter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try (WorkQueue q = new WorkQueue("test", 1, 1)) {
            Future<Integer> running = callers.submit(() -> q.run(() -> {
                started.countDown();
                release.await();
                return 1;
            }, in(10_000)));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            Future<Integer> waiting = callers.submit(() -> q.run(() -> 2, in(10_000)));
            // wait until the second task sits in the queue
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (q.stats().waiting() < 1 && System.nanoTime() < until) {
                Thread.sleep(5);
            }
            ApiError refused = assertThrows(ApiError.class, () -> q.run(() -> 3, in(10_000)));
            assertEquals(503, refused.status());
            assertTrue(refused.retryAfterSeconds() > 0);
            assertEquals(1, q.stats().rejected());
            release.countDown();
            assertEquals(1, running.get(5, TimeUnit.SECONDS));
            assertEquals(2, waiting.get(5, TimeUnit.SECONDS));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aTaskThatNeverStartsInTimeIs503AndAStartedOneThatOverrunsIs504() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (WorkQueue q = new WorkQueue("test", 1, 4)) {
            ApiError overran = assertThrows(ApiError.class, () -> q.run(() -> {
                release.await();
                return 1;
            }, in(100)));
            assertEquals(504, overran.status());
            // the worker is still busy with the first task: the next one cannot start in time
            ApiError neverStarted = assertThrows(ApiError.class, () -> q.run(() -> 2, in(100)));
            assertEquals(503, neverStarted.status());
            release.countDown();
            assertEquals(3, q.run(() -> 3, in(5_000)));
        }
    }

    @Test
    void queueCapacityZeroRefusesWhenAllWorkersAreBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (WorkQueue q = new WorkQueue("test", 1, 0)) {
            Future<Integer> running = caller.submit(() -> q.run(() -> {
                started.countDown();
                release.await();
                return 1;
            }, in(10_000)));
            assertTrue(started.await(5, TimeUnit.SECONDS));
            assertEquals(503, assertThrows(ApiError.class, () -> q.run(() -> 2, in(10_000))).status());
            release.countDown();
            assertEquals(1, running.get(5, TimeUnit.SECONDS));
        } finally {
            caller.shutdownNow();
        }
    }
}
