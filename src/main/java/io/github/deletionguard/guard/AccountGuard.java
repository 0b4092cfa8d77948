package io.github.deletionguard.guard;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.alarms.DeletionAlarmsArgs;
import io.github.deletionguard.config.MemberAccount;

import java.util.Map;
import java.util.Optional;

/** One guarded account: a region guard for each of its regions. */
public final class AccountGuard extends ComponentResource {
    public static final String TYPE = "deletion-guard:guard:AccountGuard";

    public AccountGuard(String name, AccountGuardArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        MemberAccount account = args.account();
        for (String region : account.regions()) {
            new AccountRegionGuard(name + "-" + region, new AccountRegionGuardArgs(
                    args.regionProviders().get(region), region, alarmsIn(args, region)),
                    ComponentResourceOptions.builder().parent(this).build());
        }
        registerOutputs(Map.of("accountId", Output.of(account.id())));
    }

    private static Optional<DeletionAlarmsArgs> alarmsIn(AccountGuardArgs args, String region) {
        return args.account().cloudTrailLogGroup()
                .filter(group -> group.region().equals(region))
                .map(group -> new DeletionAlarmsArgs(
                        args.regionProviders().get(region),
                        group.name(),
                        args.namePrefix(),
                        args.alarms(),
                        args.alarmSettings(),
                        args.hubTopicArns().get(region)));
    }
}
