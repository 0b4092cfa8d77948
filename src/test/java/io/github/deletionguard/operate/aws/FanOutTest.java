package io.github.deletionguard.operate.aws;

import io.github.deletionguard.operate.Finding;
import io.github.deletionguard.operate.Outcome;
import io.github.deletionguard.operate.Place;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bounded fan-out over account × region: its bound, its progress on stderr, one place's failure its own. */
class FanOutTest {
    private static final List<Place> PLACES = IntStream.rangeClosed(1, 12)
            .mapToObj(n -> new Place(String.format("%012d", n), "eu-central-1")).toList();

    @Test
    void neverRunsMoreThanTheBoundAtOnceAndKeepsThePlacesOrder() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch threeStarted = new CountDownLatch(3);
        List<Finding> findings = new FanOut(3, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .run("scan", PLACES, place -> {
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                    threeStarted.countDown();
                    try {
                        // Hold every worker until three run at once, so the bound is reached, not just respected.
                        threeStarted.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    running.decrementAndGet();
                    return List.of(Finding.pass("nothing-pending", place, "none"));
                });
        assertEquals(3, most.get());
        assertEquals(PLACES.stream().map(Place::account).toList(), findings.stream().map(Finding::account).toList());
    }

    @Test
    void reportsProgressWithFailuresSoFarOnStderr() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        new FanOut(1, new PrintStream(err, true, StandardCharsets.UTF_8)).run("status", PLACES, place ->
                place.account().endsWith("4") || place.account().endsWith("9")
                        ? List.of(Finding.fail("rule", place, "DISABLED", "run 'pulumi up'."))
                        : List.of(Finding.pass("rule", place, "enabled")));
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(12, lines.size());
        assertEquals("[status] 1/12 done, 0 with failures", lines.get(0));
        assertEquals("[status] 4/12 done, 1 with failures", lines.get(3));
        assertEquals("[status] 12/12 done, 2 with failures", lines.get(11));
    }

    @Test
    void aPlaceThatThrowsIsAnErrorOfItsOwnAndTheOthersGoOn() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Finding> findings = new FanOut(4, new PrintStream(err, true, StandardCharsets.UTF_8)).run("scan", PLACES, place -> {
            if (place.account().equals("000000000007")) {
                throw new IllegalStateException("region not enabled");
            }
            return List.of(Finding.pass("nothing-pending", place, "none"));
        });
        assertEquals(12, findings.size());
        Finding failed = findings.get(6);
        assertEquals(Outcome.ERROR, failed.outcome());
        assertEquals("scan", failed.check());
        assertTrue(failed.detail().contains("region not enabled"), failed.detail());
        assertEquals(11, findings.stream().filter(finding -> finding.outcome() == Outcome.PASS).count());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("12/12 done, 1 with failures"));
    }

    @Test
    void refusesABoundBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new FanOut(0, System.err));
    }
}
