package io.github.deletionguard.operate.aws;

import io.github.deletionguard.operate.Finding;
import io.github.deletionguard.operate.Place;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one piece of work per place (account × region, or account) with at most
 * {@code parallelism} at a time, and reports progress on stderr. A place that throws (an account
 * whose role cannot be assumed, a region that is not enabled) becomes an error finding of its
 * own: the other places go on.
 */
public final class FanOut {
    public static final int DEFAULT_PARALLELISM = 8;

    private final int parallelism;
    private final PrintStream progress;

    public FanOut(int parallelism, PrintStream progress) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        this.parallelism = parallelism;
        this.progress = progress;
    }

    public List<Finding> run(String what, List<Place> places, Function<Place, List<Finding>> work) {
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, places.size())));
        try {
            List<Future<List<Finding>>> futures = new ArrayList<>();
            for (Place place : places) {
                futures.add(pool.submit(() -> {
                    List<Finding> findings = guarded(what, place, work);
                    if (findings.stream().anyMatch(Finding::stopsTheRun)) {
                        failed.incrementAndGet();
                    }
                    progress.printf("[%s] %d/%d done, %d with failures%n", what, done.incrementAndGet(), places.size(),
                            failed.get());
                    return findings;
                }));
            }
            List<Finding> all = new ArrayList<>();
            for (Future<List<Finding>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Finding> guarded(String what, Place place, Function<Place, List<Finding>> work) {
        try {
            return work.apply(place);
        } catch (RuntimeException e) {
            return List.of(AwsErrors.unreachable(what, place, e));
        }
    }
}
