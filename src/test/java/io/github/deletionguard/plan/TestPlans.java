package io.github.deletionguard.plan;

import io.github.deletionguard.App;
import io.github.deletionguard.testing.TestClock;

import java.time.Clock;

/** The plan command as {@code App.main} builds it, on a fixed day. */
final class TestPlans {
    private TestPlans() {
    }

    static PlanCommand on(Clock clock) {
        return new PlanCommand((ctx, keys) -> App.stack(ctx, keys, clock), clock);
    }

    static PlanCommand onTestDay() {
        return on(TestClock.CLOCK);
    }
}
