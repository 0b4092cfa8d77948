package io.github.deletionguard.plan;

import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.LogMetricFilter;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.ReplicaKey;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.ssm.Document;
import io.github.deletionguard.detection.CentralEventBus;
import io.github.deletionguard.detection.DeletionEventForwarding;
import io.github.deletionguard.remediation.DeletionRemediation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code plan --summary}: one screen per stack for organizations whose full plan runs to thousands
 * of lines. Where the resources are, what each engine covers, what it costs and what could hurt.
 */
final class PlanSummary {
    private static final String NONE = ".";
    private static final int WIDTH = 100;

    private PlanSummary() {
    }

    /** @param baselineCoverage the member baseline's coverage in one line, read from the config the run deployed */
    static String render(OfflineEngine.Run run, Set<String> secureConfigKeys, String baselineCoverage) {
        PlanView plan = new PlanView(run, secureConfigKeys);
        StringBuilder text = new StringBuilder(plan.title("plan summary")).append('\n');
        placesTable(text, plan);
        kinds(text, plan);
        coverage(text, plan);
        line(text, "Member baseline", baselineCoverage);
        MonthlyCost cost = MonthlyCost.of(run.resources());
        text.append("\nMonthly cost: $").append(cost.total()).append(" (AWS list price of ").append(MonthlyCost.PRICES_AS_OF)
                .append(", standing charges; the full plan itemises it)\n");
        risks(text, plan);
        text.append("\nAfter the first pulumi up: ").append(PostDeployChecklist.items(plan).size())
                .append(" steps (the full plan lists them).\n");
        return text.toString();
    }

    /** Accounts down, regions across: the AWS resources of each account-region. */
    private static void placesTable(StringBuilder text, PlanView plan) {
        List<String> regions = new ArrayList<>(plan.regions());
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        plan.byTarget().forEach((target, resources) ->
                counts.computeIfAbsent(target.account(), key -> new TreeMap<>()).merge(target.region(), resources.size(), Integer::sum));
        int nameWidth = plan.accountsByName().stream().mapToInt(id -> plan.account(id).length()).max().orElse(10);
        text.append('\n').append(plan.accountsByName().size()).append(" accounts x ").append(regions.size())
                .append(" regions, AWS resources in each (").append(NONE).append(" none):\n");
        text.append("  ").append(pad("", nameWidth));
        regions.forEach(region -> text.append("  ").append(region));
        text.append("  total\n");
        for (String account : plan.accountsByName()) {
            Map<String, Integer> row = counts.getOrDefault(account, Map.of());
            text.append("  ").append(pad(plan.account(account), nameWidth));
            regions.forEach(region -> text.append("  ").append(padLeft(row.containsKey(region) ? row.get(region).toString() : NONE, region.length())));
            text.append("  ").append(padLeft(String.valueOf(row.values().stream().mapToInt(Integer::intValue).sum()), 5)).append('\n');
        }
    }

    /** AWS resources by kind, most first: {@code 31 EventRule, 31 EventTarget, 15 Role, ...}. */
    private static void kinds(StringBuilder text, PlanView plan) {
        Map<String, Long> byKind = plan.where(resource -> resource.provider().isPresent()).stream()
                .collect(Collectors.groupingBy(resource -> resource.type().substring(resource.type().lastIndexOf(':') + 1),
                        TreeMap::new, Collectors.counting()));
        List<String> kinds = byKind.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(entry -> entry.getValue() + " " + entry.getKey()).toList();
        text.append("\nKinds:");
        int column = WIDTH;
        for (int i = 0; i < kinds.size(); i++) {
            String kind = kinds.get(i) + (i < kinds.size() - 1 ? "," : "");
            if (column + kind.length() + 1 > WIDTH) {
                text.append("\n ");
                column = 1;
            }
            text.append(' ').append(kind);
            column += kind.length() + 1;
        }
        text.append('\n');
    }

    private static void coverage(StringBuilder text, PlanView plan) {
        text.append("\nWhat each engine covers:\n");
        List<PlannedResource> forwarding = plan.childrenOf(DeletionEventForwarding.TYPE, EventRule.class);
        List<PlannedResource> centralRules = plan.childrenOf(CentralEventBus.TYPE, EventRule.class);
        line(text, "EventBridge forwarding", forwarding.isEmpty() ? "none"
                : spread(plan, forwarding) + " -> central bus, " + count(centralRules.size(), "notification rule")
                + centralRules.stream().findFirst().map(rule -> " in " + plan.place(rule.provider().orElseThrow())).orElse(""));
        List<PlannedResource> filters = plan.ofType(LogMetricFilter.class);
        Set<String> logGroups = new TreeSet<>();
        filters.forEach(filter -> logGroups.add(plan.place(filter.provider().orElseThrow()) + " (" + filter.input("logGroupName") + ")"));
        line(text, "CloudWatch alarms", filters.isEmpty() ? "none: no account has a cloudTrailLogGroup"
                : count(plan.ofType(MetricAlarm.class).size(), "alarm") + " on " + count(logGroups.size(), "log group") + ": " + String.join(", ", logGroups));
        List<PlannedResource> remediation = plan.childrenOf(DeletionRemediation.TYPE, Document.class);
        line(text, "Remediation", remediation.isEmpty() ? "off" : spread(plan, remediation) + " (SSM Automation undoes the deletion)");
        List<PlanView.OrganizationPolicy> policies = plan.organizationPolicies();
        line(text, "Organization policies", policies.isEmpty() ? "none" : policies.stream()
                .map(policy -> policy.kind() + " " + policy.name() + " on " + String.join(", ", policy.targets()))
                .collect(Collectors.joining("; ")));
        Set<String> addresses = plan.ofType(TopicSubscription.class).stream().map(subscription -> subscription.input("endpoint"))
                .collect(Collectors.toCollection(TreeSet::new));
        line(text, "Notifications", count(plan.ofType(Topic.class).size(), "topic") + " (" + PlanView.places(plan.ofType(Topic.class)).stream()
                .map(PlannedResource.ProviderTarget::region).collect(Collectors.joining(", ")) + ") -> " + String.join(", ", addresses));
        line(text, "Critical keys, secrets", count(plan.ofType(Key.class).size(), "key") + " (+" + count(plan.ofType(ReplicaKey.class).size(), "replica")
                + "), " + count(plan.ofType(Secret.class).size(), "secret"));
    }

    private static void risks(StringBuilder text, PlanView plan) {
        List<String> risks = new ArrayList<>();
        Map<String, List<String>> kindsByRoot = new TreeMap<>();
        plan.organizationPolicies().forEach(policy -> policy.targets().stream().filter(id -> id.startsWith("r-"))
                .forEach(root -> kindsByRoot.computeIfAbsent(root, key -> new ArrayList<>()).add(policy.kind())));
        kindsByRoot.forEach((root, kinds) -> risks.add(String.join(" and ", kinds) + " attached to the organization root " + root
                + ": a mistake binds every member account at once. Roll out on a test OU first; the README says how to take one off fast."));
        List<PlannedResource> remediation = plan.childrenOf(DeletionRemediation.TYPE, Document.class);
        if (!remediation.isEmpty()) {
            risks.add("Remediation changes state in " + count(accounts(remediation), "account") + ": it cancels key deletions and restores"
                    + " secrets that anyone but a break-glass role deleted.");
        }
        List<PlannedResource> protectedResources = plan.where(PlannedResource::protect);
        if (!protectedResources.isEmpty()) {
            Map<String, Long> byKind = protectedResources.stream().collect(Collectors.groupingBy(
                    resource -> resource.type().substring(resource.type().lastIndexOf(':') + 1), TreeMap::new, Collectors.counting()));
            risks.add(protectedResources.size() + " protected resources (" + byKind.entrySet().stream()
                    .map(entry -> entry.getValue() + " " + entry.getKey()).collect(Collectors.joining(", "))
                    + "): a change that replaces or removes one makes pulumi up fail until it is unprotected on purpose.");
        }
        text.append("\nRisks:\n");
        if (risks.isEmpty()) {
            text.append("  none of note\n");
        }
        risks.forEach(risk -> text.append("  - ").append(risk).append('\n'));
    }

    /** {@code 11 account-regions in 5 accounts}. */
    private static String spread(PlanView plan, List<PlannedResource> resources) {
        return count(PlanView.places(resources).size(), "account-region") + " in " + count(accounts(resources), "account");
    }

    private static long accounts(List<PlannedResource> resources) {
        return PlanView.places(resources).stream().map(PlannedResource.ProviderTarget::account).distinct().count();
    }

    /** {@code 1 topic}, {@code 2 topics}. */
    private static String count(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static void line(StringBuilder text, String engine, String covers) {
        text.append("  ").append(pad(engine, 24)).append(covers).append('\n');
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
