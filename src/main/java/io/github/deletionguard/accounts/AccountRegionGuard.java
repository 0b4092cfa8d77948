package io.github.deletionguard.accounts;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.providers.ChildOptions;
import io.github.deletionguard.alarms.DeletionAlarms;
import io.github.deletionguard.detection.DeletionEventForwarding;
import io.github.deletionguard.remediation.DeletionRemediation;

import java.util.List;
import java.util.Map;

/** Everything the program deploys in one account and region. */
public final class AccountRegionGuard extends ComponentResource {
    public static final String TYPE = "deletion-guard:guard:AccountRegionGuard";

    public AccountRegionGuard(String name, AccountRegionGuardArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        ChildOptions.requireProvider(args.provider(), TYPE);
        Output<List<String>> alarmNames = args.alarms()
                .map(alarms -> new DeletionAlarms(name + "-alarms", alarms,
                        ComponentResourceOptions.builder().parent(this).build()).alarmNames())
                .orElse(Output.of(List.of()));
        new DeletionEventForwarding(name + "-forwarding", args.forwarding(),
                ComponentResourceOptions.builder().parent(this).build());
        args.remediation().ifPresent(remediation -> new DeletionRemediation(name + "-remediation", remediation,
                ComponentResourceOptions.builder().parent(this).build()));
        registerOutputs(Map.of("region", Output.of(args.region()), "alarmNames", alarmNames));
    }
}
