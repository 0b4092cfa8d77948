package io.github.deletionguard;

import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.SampleConfigs;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeletionGuardStackTest {

    @Test
    void everyAwsResourceUsesAnExplicitAccountProvider() {
        OfflineEngine.Run run = Deployments.of(SampleConfigs.small(AlarmMode.ANY_DELETION));
        for (PlannedResource resource : run.resources()) {
            if (resource.isProvider() || resource.isComponent()) {
                continue;
            }
            PlannedResource.ProviderTarget target = resource.provider().orElseThrow();
            assertTrue(target.account().matches("\\d{12}"), resource.name() + " has no account provider: " + target);
        }
    }
}
