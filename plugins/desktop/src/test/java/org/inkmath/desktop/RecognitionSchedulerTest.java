package org.inkmath.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.inkmath.latex.render.LatexRenderer;
import org.inkmath.recognizer.Recognition;
import org.inkmath.recognizer.ink.Ink;
import org.inkmath.recognizer.ink.InkPoint;
import org.inkmath.recognizer.ink.Stroke;
import org.junit.jupiter.api.Test;

class RecognitionSchedulerTest {

    private final BlockingQueue<RecognitionScheduler.Delivery> delivered = new LinkedBlockingQueue<>();
    private final List<Thread> recognitionThreads = new java.util.concurrent.CopyOnWriteArrayList<>();

    private static Ink ink(int strokes) {
        List<Stroke> list = new java.util.ArrayList<>();
        for (int s = 0; s < strokes; s++) {
            list.add(new Stroke(List.of(new InkPoint(s * 10, 0, s), new InkPoint(s * 10 + 5, 8, s + 1))));
        }
        return new Ink(list);
    }

    /** A scheduler that delivers on the thread that finished the work (the pad uses the Swing thread). */
    private RecognitionScheduler scheduler(Function<Ink, Recognition> recognize, long delayMs) {
        return new RecognitionScheduler(ink -> {
            recognitionThreads.add(Thread.currentThread());
            return recognize.apply(ink);
        }, LatexRenderer.withDefaults(), Duration.ofMillis(delayMs), Runnable::run, delivered::add);
    }

    private RecognitionScheduler.Delivery next() throws InterruptedException {
        RecognitionScheduler.Delivery d = delivered.poll(10, TimeUnit.SECONDS);
        assertNotNull(d, "no result within 10 s");
        return d;
    }

    @Test
    void changesInQuickSuccessionAreRecognizedOnceForTheNewestInkOffTheCallersThread() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (RecognitionScheduler s = scheduler(ink -> {
            calls.incrementAndGet();
            return FakeRecognitions.of("x ^ { " + ink.strokeCount() + " }", "x " + ink.strokeCount());
        }, 150)) {
            s.inkChanged(1, Optional.of(ink(1)));
            s.inkChanged(2, Optional.of(ink(2)));
            s.inkChanged(3, Optional.of(ink(3)));
            RecognitionScheduler.Delivery d = next();
            PadResult.Recognized r = assertInstanceOf(PadResult.Recognized.class, d.result());
            assertEquals(3, r.generation());
            assertEquals("x ^ { 3 }", r.latex());
            assertEquals(3, r.ink().strokeCount());
            assertNull(delivered.poll(400, TimeUnit.MILLISECONDS), "the older changes are never read");
            assertEquals(1, calls.get());
            assertFalse(recognitionThreads.contains(Thread.currentThread()));
            assertTrue(recognitionThreads.get(0).isDaemon());
            // previews are drawn with the result, for the best formula and each alternative
            assertNotNull(d.previews().get("x ^ { 3 }").image());
            assertNotNull(d.previews().get("x 3").image());
        }
    }

    @Test
    void aResultForInkThatChangedWhileItWasReadIsDropped() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        try (RecognitionScheduler s = scheduler(ink -> {
            if (ink.strokeCount() == 1) {
                firstStarted.countDown();
                try {
                    releaseFirst.await(10, TimeUnit.SECONDS); // a slow model
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return FakeRecognitions.of("y _ { " + ink.strokeCount() + " }");
        }, 0)) {
            s.inkChanged(1, Optional.of(ink(1)));
            assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
            s.inkChanged(2, Optional.of(ink(2))); // written while the first is being read
            releaseFirst.countDown();
            PadResult.Recognized r = assertInstanceOf(PadResult.Recognized.class, next().result());
            assertEquals(2, r.generation(), "only the newest ink's result arrives");
            assertEquals("y _ { 2 }", r.latex());
            assertNull(delivered.poll(300, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void anEmptyPadIsReportedAtOnceAndCancelsTheWaitingRecognition() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (RecognitionScheduler s = scheduler(ink -> {
            calls.incrementAndGet();
            return FakeRecognitions.of("z");
        }, 200)) {
            s.inkChanged(1, Optional.of(ink(1)));
            s.inkChanged(2, Optional.empty());
            assertEquals(new PadResult.Cleared(2), next().result());
            assertNull(delivered.poll(400, TimeUnit.MILLISECONDS));
            assertEquals(0, calls.get());
        }
    }

    @Test
    void aFailingRecognizerGivesAOneLineMessage() throws Exception {
        try (RecognitionScheduler s = scheduler(ink -> {
            throw new IllegalStateException("the recognizer is closed\n\tat somewhere");
        }, 0)) {
            s.inkChanged(1, Optional.of(ink(2)));
            PadResult.Failed f = assertInstanceOf(PadResult.Failed.class, next().result());
            assertEquals("recognition failed: the recognizer is closed; at somewhere", f.message());
            assertEquals(2, f.ink().strokeCount());
        }
    }

    @Test
    void aNativeLibraryThatFailsToLoadIsReportedNotSwallowed() throws Exception {
        try (RecognitionScheduler s = scheduler(ink -> {
            throw new UnsatisfiedLinkError("no torch in java.library.path");
        }, 0)) {
            s.inkChanged(1, Optional.of(ink(1)));
            PadResult.Failed f = assertInstanceOf(PadResult.Failed.class, next().result());
            assertEquals("recognition failed: no torch in java.library.path", f.message());
        }
    }

    @Test
    void aFormulaThatCannotBeDrawnStillArrivesWithTheReason() throws Exception {
        try (RecognitionScheduler s = scheduler(ink -> FakeRecognitions.of("\\frac { x"), 0)) {
            s.inkChanged(1, Optional.of(ink(1)));
            RecognitionScheduler.Delivery d = next();
            assertInstanceOf(PadResult.Recognized.class, d.result());
            RecognitionScheduler.Preview p = d.previews().get("\\frac { x");
            assertNull(p.image());
            assertFalse(p.error().isBlank());
        }
    }

    @Test
    void nothingArrivesAfterClose() throws Exception {
        RecognitionScheduler s = scheduler(ink -> FakeRecognitions.of("x"), 100);
        s.inkChanged(1, Optional.of(ink(1)));
        s.close();
        assertNull(delivered.poll(400, TimeUnit.MILLISECONDS));
        s.inkChanged(2, Optional.of(ink(1)));
        assertNull(delivered.poll(200, TimeUnit.MILLISECONDS));
    }
}
