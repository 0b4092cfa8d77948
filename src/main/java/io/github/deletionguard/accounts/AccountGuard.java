package io.github.deletionguard.accounts;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.config.LogGroupLocation;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.detection.EventForwardingRole;
import io.github.deletionguard.detection.EventForwardingRoleArgs;
import io.github.deletionguard.providers.AccountProviders;
import io.github.deletionguard.remediation.RemediationRoles;
import io.github.deletionguard.remediation.RemediationRolesArgs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One guarded account: its IAM roles, once, and a region guard for each of its regions. Where the
 * StackSets deploy the account's baseline, only the region of its own log group is left, for its alarms.
 */
public final class AccountGuard extends ComponentResource {
    /** Keeps the package name the component was first released under: the token is part of every child's URN. */
    public static final String TYPE = "deletion-guard:guard:AccountGuard";

    /** The providers an account guard deploys through: one per region, and the one for IAM. */
    public record Providers(Map<String, Provider> regional, Provider iam) {
    }

    /**
     * IAM is global, but moving a role to another provider replaces it. The provider of the
     * security home region is the same for every account whatever its region list says, so
     * adding, removing or reordering regions never moves a role. Chosen before the guard is
     * constructed, so each account's providers register ahead of its guard.
     */
    public static Providers providersOf(AccountProviders providers, MemberAccount account, String securityHomeRegion) {
        Map<String, Provider> regional = new LinkedHashMap<>();
        account.regions().forEach(region -> regional.put(region, providers.forRegion(account.account(), region)));
        return new Providers(regional, providers.forRegion(account.account(), securityHomeRegion));
    }

    /**
     * For an account whose baseline the StackSets deploy: only its log group's region is left,
     * for its alarms, and nothing needs the IAM provider.
     */
    public static Providers alarmProvidersOf(AccountProviders providers, MemberAccount account) {
        Map<String, Provider> regional = new LinkedHashMap<>();
        account.cloudTrailLogGroup().ifPresent(group ->
                regional.put(group.region(), providers.forRegion(account.account(), group.region())));
        return new Providers(regional, regional.values().stream().findFirst().orElse(null));
    }

    public AccountGuard(String name, AccountGuardArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        MemberAccount account = args.account();
        Optional<AccountRegionGuardArgs.Baseline> baseline = args.baselineByStackSets()
                ? Optional.empty() : Optional.of(deployRoles(name, args));
        List<String> regions = args.baselineByStackSets()
                ? account.regions().stream().filter(account::hostsLogGroupIn).toList()
                : account.regions();
        for (String region : regions) {
            new AccountRegionGuard(name + "-" + region, new AccountRegionGuardArgs(
                    args.regionProviders().get(region),
                    region,
                    account.id(),
                    account.logGroupIn(region).map(LogGroupLocation::name),
                    args.names(),
                    args.alarms(),
                    args.alarmSettings(),
                    Optional.ofNullable(args.hubTopicArns().get(region)),
                    baseline),
                    ComponentResourceOptions.builder().parent(this).build());
        }
        registerOutputs(Map.of("accountId", Output.of(account.id())));
    }

    /** The account's roles, once; every region's rules use them. */
    private AccountRegionGuardArgs.Baseline deployRoles(String name, AccountGuardArgs args) {
        MemberAccount account = args.account();
        Provider iamProvider = args.iamProvider();
        EventForwardingRole forwardingRole = new EventForwardingRole(name + "-event-forwarding",
                new EventForwardingRoleArgs(iamProvider, account.id(), account.regions(), args.forwarding()),
                ComponentResourceOptions.builder().parent(this).build());
        Optional<RemediationRoles> remediationRoles = args.remediation().map(remediation ->
                new RemediationRoles(name + "-remediation", new RemediationRolesArgs(
                        iamProvider, account.id(), account.regions(), remediation),
                        ComponentResourceOptions.builder().parent(this).build()));
        return new AccountRegionGuardArgs.Baseline(args.forwarding(), forwardingRole.roleArn(), args.centralBusArn(),
                args.remediation(), remediationRoles.map(RemediationRoles::triggerRoleArn));
    }
}
