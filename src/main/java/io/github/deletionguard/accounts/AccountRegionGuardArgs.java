package io.github.deletionguard.accounts;

import com.pulumi.aws.Provider;
import io.github.deletionguard.alarms.DeletionAlarmsArgs;
import io.github.deletionguard.detection.DeletionEventForwarding;
import io.github.deletionguard.remediation.DeletionRemediation;

import java.util.Optional;

/**
 * @param provider    the account's provider in this region
 * @param alarms      present only where the account's CloudTrail log group is
 * @param forwarding  the rule that forwards this region's deletion events to the central bus
 * @param remediation present only when the stack switches remediation on
 */
public record AccountRegionGuardArgs(Provider provider, String region, Optional<DeletionAlarmsArgs> alarms,
                                     DeletionEventForwarding.Args forwarding,
                                     Optional<DeletionRemediation.Args> remediation) {
}
