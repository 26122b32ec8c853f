package org.inkmath.desktop;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.inkmath.latex.render.LatexRenderer;
import org.inkmath.latex.render.RenderException;
import org.inkmath.recognizer.Recognition;
import org.inkmath.recognizer.ink.Ink;

/**
 * Runs recognition on one background thread, a short delay after the ink last changed, and hands
 * the result (with its previews already drawn) to a sink on the caller's thread of choice (the
 * Swing thread in the pad). Each change carries a generation; a result whose generation is no
 * longer the newest is dropped, both before the work starts and when it is delivered, so a slow
 * recognition never overwrites a newer one. Example:
 * <pre>{@code
 * RecognitionScheduler s = new RecognitionScheduler(recognizer::recognize, renderer,
 *         Duration.ofMillis(400), SwingUtilities::invokeLater, pad::show);
 * s.inkChanged(history.generation(), history.ink());
 * }</pre>
 */
final class RecognitionScheduler implements AutoCloseable {

    /** A formula drawn for the preview, or why it could not be. */
    record Preview(BufferedImage image, String error) {
    }

    /** A result with the previews of its best formula and its alternatives, by LaTeX. */
    record Delivery(PadResult result, Map<String, Preview> previews) {
        Delivery {
            previews = Map.copyOf(previews);
        }
    }

    private final Function<Ink, Recognition> recognize;
    private final LatexRenderer renderer;
    private final Executor deliverOn;
    private final Consumer<Delivery> sink;
    private final ScheduledExecutorService worker;
    private final AtomicLong latest = new AtomicLong(-1);
    private volatile Duration delay;
    private ScheduledFuture<?> pending;
    private volatile boolean closed;

    RecognitionScheduler(Function<Ink, Recognition> recognize, LatexRenderer renderer, Duration delay,
                         Executor deliverOn, Consumer<Delivery> sink) {
        this.recognize = Objects.requireNonNull(recognize, "recognize");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.deliverOn = Objects.requireNonNull(deliverOn, "deliverOn");
        this.sink = Objects.requireNonNull(sink, "sink");
        setDelay(delay);
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "inkmath-pad-recognition");
            t.setDaemon(true); // never keeps an application alive
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.worker = executor;
    }

    void setDelay(Duration newDelay) {
        if (newDelay == null || newDelay.isNegative()) {
            throw new IllegalArgumentException("the recognition delay must be zero or more: " + newDelay);
        }
        delay = newDelay;
    }

    /** The newest generation announced. */
    long latestGeneration() {
        return latest.get();
    }

    /**
     * The ink is now {@code ink} (empty: nothing written), as of {@code generation}: recognition
     * waiting for older ink is cancelled and a new one is planned after the delay.
     */
    synchronized void inkChanged(long generation, Optional<Ink> ink) {
        if (closed) {
            return;
        }
        latest.set(generation);
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        if (ink.isEmpty()) {
            deliver(new Delivery(new PadResult.Cleared(generation), Map.of()));
            return;
        }
        Ink toRead = ink.get();
        pending = worker.schedule(() -> work(generation, toRead), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void work(long generation, Ink ink) {
        if (latest.get() != generation || closed) {
            return; // the ink changed while this waited in the queue
        }
        Delivery delivery;
        try {
            Recognition r = recognize.apply(ink);
            Map<String, Preview> previews = new LinkedHashMap<>();
            previews.put(r.latex(), preview(r.latex()));
            for (Recognition.Alternative a : r.alternatives()) {
                previews.computeIfAbsent(a.latex(), this::preview);
            }
            delivery = new Delivery(new PadResult.Recognized(generation, ink, r, r.latex()), previews);
        } catch (RuntimeException | LinkageError e) {
            // a native library that fails to load is a LinkageError: shown like any failure, as
            // otherwise the executor would swallow it and the pad would wait forever
            delivery = new Delivery(new PadResult.Failed(generation, ink, describe(e)), Map.of());
        }
        deliver(delivery);
    }

    private Preview preview(String latex) {
        try {
            return new Preview(renderer.image(latex), null);
        } catch (RenderException e) {
            return new Preview(null, e.getMessage());
        }
    }

    private void deliver(Delivery delivery) {
        deliverOn.execute(() -> {
            // checked again where it is applied: newer ink may have come while this was on its way
            if (!closed && latest.get() == delivery.result().generation()) {
                sink.accept(delivery);
            }
        });
    }

    /** A failure as one line for people, never a stack trace. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "recognition failed (" + e.getClass().getSimpleName() + ")";
        }
        return "recognition failed: " + message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }

    /** Stops the background thread; a recognition under way finishes but is not delivered. */
    @Override
    public synchronized void close() {
        closed = true;
        if (pending != null) {
            pending.cancel(false);
        }
        worker.shutdown(); // no interrupt: a native recognition step is left to finish
    }
}
