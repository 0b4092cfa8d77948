package io.github.deletionguard.accounts;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.alarms.DeletionAlarms;
import io.github.deletionguard.alarms.DeletionAlarmsArgs;
import io.github.deletionguard.detection.DeletionEventForwarding;
import io.github.deletionguard.detection.DeletionEventForwardingArgs;
import io.github.deletionguard.providers.ChildOptions;
import io.github.deletionguard.remediation.DeletionRemediation;
import io.github.deletionguard.remediation.DeletionRemediationArgs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything the program deploys in one account and region. */
public final class AccountRegionGuard extends ComponentResource {
    /** Keeps the package name the component was first released under: the token is part of every child's URN. */
    public static final String TYPE = "deletion-guard:guard:AccountRegionGuard";

    public AccountRegionGuard(String name, AccountRegionGuardArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        ChildOptions.requireProvider(args.provider(), TYPE);
        Output<List<String>> alarmNames = args.cloudTrailLogGroup()
                .map(logGroup -> new DeletionAlarms(name + "-alarms", new DeletionAlarmsArgs(
                        args.provider(), logGroup, args.names(), args.alarms(), args.alarmSettings(),
                        args.hubTopicArn().orElseThrow()),
                        ComponentResourceOptions.builder().parent(this).build()).alarmNames())
                .orElse(Output.of(List.of()));
        args.baseline().ifPresent(baseline -> {
            new DeletionEventForwarding(name + "-forwarding", new DeletionEventForwardingArgs(
                    args.provider(), baseline.forwarding(), baseline.forwardingRoleArn(), baseline.centralBusArn()),
                    ComponentResourceOptions.builder().parent(this).build());
            baseline.remediation().ifPresent(remediation -> new DeletionRemediation(name + "-remediation",
                    new DeletionRemediationArgs(args.provider(), args.region(), args.accountId(), remediation,
                            baseline.triggerRoleArn().orElseThrow()),
                    ComponentResourceOptions.builder().parent(this).build()));
        });
        registerOutputs(new TreeMap<>(Map.of("region", Output.of(args.region()), "alarmNames", alarmNames)));
    }
}
