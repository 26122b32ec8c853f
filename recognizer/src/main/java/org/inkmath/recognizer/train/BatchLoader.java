package org.inkmath.recognizer.train;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Runs a batch iterator ahead on one worker thread, into a bounded queue, so that training never
 * waits for rendering while there is a core to spare. The order is the iterator's order; an
 * error on the worker is rethrown by {@link #next()}; {@link #close()} stops the worker.
 * Example: {@code try (BatchLoader l = pipeline.loader(epoch, 16)) { while (l.hasNext()) train(l.next()); }}
 */
public final class BatchLoader implements Iterator<Batch>, AutoCloseable {

    /** What the worker puts in the queue: a batch, the end, or a failure. */
    private sealed interface Item permits BatchItem, End, Failure {
    }

    private record BatchItem(Batch batch) implements Item {
    }

    private record End() implements Item {
    }

    private record Failure(RuntimeException error) implements Item {
    }

    private final BlockingQueue<Item> queue;
    private final Thread worker;
    private Item head;
    private volatile boolean closed;

    public BatchLoader(Iterator<Batch> source, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be at least 1: " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(() -> {
            try {
                while (!closed && source.hasNext()) {
                    queue.put(new BatchItem(source.next()));
                }
                queue.put(new End());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // closed while waiting for room: just stop
            } catch (RuntimeException | Error e) {
                // whatever stops the worker is handed to the consumer, who would otherwise wait forever
                try {
                    queue.put(new Failure(e instanceof RuntimeException r ? r : new IllegalStateException(e.toString(), e)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "inkmath-batch-loader");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (head == null) {
            try {
                head = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a batch", e);
            }
        }
        if (head instanceof Failure f) {
            throw new IllegalStateException("preparing a batch failed: " + f.error().getMessage(), f.error());
        }
        return head instanceof BatchItem;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Batch b = ((BatchItem) head).batch();
        head = null;
        return b;
    }

    /** Stops the worker (it may be rendering; it ends after the current batch). */
    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        queue.clear();
    }
}
