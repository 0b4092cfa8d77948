package io.github.deletionguard.operate;

import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.operate.aws.AwsSessions;
import io.github.deletionguard.operate.aws.FanOut;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a command needs, built once by {@link OperateCommand}: the validated config, the
 * program's names, sessions in the accounts, the bounded fan-out, and time (a clock and a
 * sleeper that tests replace, so no test waits for real).
 *
 * @param notifyRules          the central bus's rules this stack deploys
 * @param summaryRules         the rules on the security account's default bus (home region) that start the summaries
 * @param organizationPolicies the SCP (its parts) and RCP this stack attaches, rendered as {@code pulumi up} renders them
 * @param secureValues         the stack file's {@code secure:} ciphertexts by full config key
 */
public record Operation(String stack, GuardConfig config, ResourceNames names, List<String> notifyRules, List<String> summaryRules,
                        List<OrganizationPolicy> organizationPolicies, AwsSessions sessions, FanOut fanOut, Clock clock,
                        Sleeper sleeper, Map<String, String> secureValues) {

    /** Pauses between polls; {@link Thread#sleep} in production. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(java.time.Duration duration) throws InterruptedException;
    }

    /** Every guarded account in each of its regions. */
    public List<Place> guardedAccountRegions() {
        List<Place> places = new ArrayList<>();
        for (MemberAccount member : config.guardedAccounts()) {
            member.regions().forEach(region -> places.add(new Place(member.id(), region)));
        }
        return places;
    }

    public String securityAccountId() {
        return config.securityAccount().account().id();
    }

    public String homeRegion() {
        return config.securityAccount().homeRegion();
    }

    public String managementAccountId() {
        return config.organization().managementAccount().id();
    }
}
