package io.github.deletionguard.guard;

import com.pulumi.aws.Provider;
import io.github.deletionguard.alarms.DeletionAlarmsArgs;

import java.util.Optional;

/**
 * @param provider the account's provider in this region
 * @param alarms   present only where the account's CloudTrail log group is
 */
public record AccountRegionGuardArgs(Provider provider, String region, Optional<DeletionAlarmsArgs> alarms) {
}
