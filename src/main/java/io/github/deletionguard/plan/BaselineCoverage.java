package io.github.deletionguard.plan;

import io.github.deletionguard.baseline.BaselineTemplates;
import io.github.deletionguard.config.ConfigIssue;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.MemberBaseline;
import io.github.deletionguard.config.StackSetOperationPreferences;
import io.github.deletionguard.config.validate.ConfigWarnings;

import java.util.ArrayList;
import java.util.List;

/**
 * The plan's coverage section: which accounts and regions each engine of the member baseline
 * reaches, and what neither reaches. The StackSets' reach is stated as AWS resolves it, by OU
 * and over time; only the configured accounts can be named.
 */
final class BaselineCoverage {
    private BaselineCoverage() {
    }

    static String render(GuardConfig config) {
        MemberBaseline baseline = config.memberBaseline();
        StringBuilder text = new StringBuilder("\nMember baseline coverage (forwarding, remediation and their roles):\n");
        List<String> byProviders = new ArrayList<>();
        List<String> byStackSets = new ArrayList<>();
        for (MemberAccount member : config.guardedAccounts()) {
            String shown = member.name() + " (" + member.id() + ") " + member.regions();
            if (config.baselineByStackSets(member)) {
                byStackSets.add(member.name() + (member.cloudTrailLogGroup().isPresent() ? " (its alarms on providers)" : ""));
            } else {
                byProviders.add(shown);
            }
        }
        if (baseline.usesStackSets()) {
            text.append("  stacksets: all accounts in OUs ").append(String.join(", ", baseline.organizationalUnits()))
                    .append(" and their child OUs, now and later, except the management account; roles in ")
                    .append(BaselineTemplates.GLOBAL_REGION).append(", rules and remediation in ")
                    .append(baseline.regions()).append('\n');
            text.append("    configured accounts among them: ")
                    .append(byStackSets.isEmpty() ? "none" : String.join(", ", byStackSets)).append('\n');
            text.append("    rollout: ").append(rollout(baseline.operationPreferences())).append('\n');
        }
        text.append("  providers: ").append(byProviders.isEmpty() ? "no account" : byProviders.size() + " configured account"
                + (byProviders.size() == 1 ? "" : "s")).append('\n');
        byProviders.forEach(account -> text.append("    ").append(account).append('\n'));
        List<ConfigIssue> gaps = ConfigWarnings.baselineCoverage(config);
        text.append("  covered by neither: ").append(gaps.isEmpty() ? "no configured account" : "").append('\n');
        gaps.forEach(gap -> text.append("    warning: ").append(gap.describe()).append('\n'));
        return text.toString();
    }

    /** The coverage in one line, for the summary: which engine reaches what, and how many accounts neither reaches. */
    static String summaryLine(GuardConfig config) {
        MemberBaseline baseline = config.memberBaseline();
        long byProviders = config.guardedAccounts().stream().filter(member -> !config.baselineByStackSets(member)).count();
        String line = "providers: " + byProviders + " configured account" + (byProviders == 1 ? "" : "s");
        if (baseline.usesStackSets()) {
            line += "; stacksets: all accounts in OUs " + String.join(", ", baseline.organizationalUnits())
                    + ", now and later, in " + baseline.regions();
        }
        int gaps = ConfigWarnings.baselineCoverage(config).size();
        return line + "; " + (gaps == 0 ? "every configured account covered" : gaps + " configured accounts covered by neither");
    }

    /** The design figure: how many waves an operation takes per region, from the operation preferences. */
    private static String rollout(StackSetOperationPreferences preferences) {
        int concurrent = preferences.effectiveConcurrentPercentage();
        int waves = (100 + concurrent - 1) / concurrent;
        return preferences.regionConcurrencyType() + " regions, " + concurrent + "% of each OU's accounts at once (about "
                + waves + " waves of one stack each per region per operation), a region stops after "
                + preferences.failureTolerancePercentage() + "% failed; new accounts are deployed automatically, apart from these";
    }
}
