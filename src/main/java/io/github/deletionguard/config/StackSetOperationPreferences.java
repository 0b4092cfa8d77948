package io.github.deletionguard.config;

import java.util.List;

/**
 * How CloudFormation rolls a StackSet operation (create, update, delete of stack instances) out
 * over accounts and regions, in AWS's own vocabulary. Auto-deployment to an account that joins a
 * target OU does not follow these; it starts on its own within minutes.
 *
 * @param regionConcurrencyType      {@code PARALLEL} or {@code SEQUENTIAL} over the regions
 * @param failureTolerancePercentage accounts per region that may fail before the region stops, 0-100
 * @param maxConcurrentPercentage    accounts per region worked on at once, 1-100
 * @param concurrencyMode            {@code STRICT_FAILURE_TOLERANCE} (concurrency capped at failure
 *                                   tolerance + 1) or {@code SOFT_FAILURE_TOLERANCE}
 */
public record StackSetOperationPreferences(String regionConcurrencyType, int failureTolerancePercentage,
                                           int maxConcurrentPercentage, String concurrencyMode) {
    public static final List<String> REGION_CONCURRENCY_TYPES = List.of("PARALLEL", "SEQUENTIAL");
    public static final List<String> CONCURRENCY_MODES = List.of("SOFT_FAILURE_TOLERANCE", "STRICT_FAILURE_TOLERANCE");
    public static final String STRICT = "STRICT_FAILURE_TOLERANCE";

    /**
     * Regions in parallel, a quarter of an OU's accounts at once, and a region stops once a tenth
     * of its accounts failed: a broken template stops early, a healthy one reaches 1,000 accounts
     * in four waves per region.
     */
    public static StackSetOperationPreferences defaults() {
        return new StackSetOperationPreferences("PARALLEL", 10, 25, "SOFT_FAILURE_TOLERANCE");
    }

    /** Accounts per region worked on at once, as a percentage: strict mode caps it at the failure tolerance + 1 account. */
    public int effectiveConcurrentPercentage() {
        return STRICT.equals(concurrencyMode)
                ? Math.max(1, Math.min(maxConcurrentPercentage, failureTolerancePercentage))
                : maxConcurrentPercentage;
    }
}
