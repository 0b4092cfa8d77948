package io.github.deletionguard.accounts;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.alarms.DeletionAlarmsArgs;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.detection.DeletionEventForwarding;
import io.github.deletionguard.detection.EventForwardingRole;
import io.github.deletionguard.remediation.DeletionRemediation;
import io.github.deletionguard.remediation.RemediationRoles;

import java.util.Map;
import java.util.Optional;

/** One guarded account: its IAM roles, once, and a region guard for each of its regions. */
public final class AccountGuard extends ComponentResource {
    public static final String TYPE = "deletion-guard:guard:AccountGuard";

    public AccountGuard(String name, AccountGuardArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        MemberAccount account = args.account();
        DeletionResponse response = args.response();
        // IAM is global: the account's roles exist once, through one fixed provider.
        Provider iamProvider = args.iamProvider();
        EventForwardingRole forwardingRole = new EventForwardingRole(name + "-event-forwarding",
                new EventForwardingRole.Args(iamProvider, account.id(), account.regions(), response.forwarding()),
                ComponentResourceOptions.builder().parent(this).build());
        Optional<RemediationRoles> remediationRoles = response.remediation().map(remediation ->
                new RemediationRoles(name + "-remediation", new RemediationRoles.Args(
                        iamProvider, account.id(), account.regions(), remediation),
                        ComponentResourceOptions.builder().parent(this).build()));
        for (String region : account.regions()) {
            Provider provider = args.regionProviders().get(region);
            new AccountRegionGuard(name + "-" + region, new AccountRegionGuardArgs(
                    provider, region, alarmsIn(args, region),
                    new DeletionEventForwarding.Args(provider, response.forwarding(), forwardingRole.roleArn(),
                            response.centralBusArn()),
                    response.remediation().map(remediation -> new DeletionRemediation.Args(provider, region,
                            account.id(), remediation, remediationRoles.orElseThrow().triggerRoleArn()))),
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
