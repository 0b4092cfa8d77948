package io.github.deletionguard.plan;

import com.google.gson.JsonElement;
import com.pulumi.aws.cloudwatch.MetricAlarm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The human-readable plan: per account and region, each AWS resource with the inputs a reviewer
 * checks, then the alarms, counts, cost and what to do after the first {@code pulumi up}.
 */
public final class PlanText {
    /** The inputs worth reading per resource type; the JSON output has all of them. */
    private static final Map<String, List<String>> KEY_INPUTS = Map.ofEntries(
            Map.entry("aws:cloudwatch/logMetricFilter:LogMetricFilter", List.of("logGroupName", "pattern")),
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm",
                    List.of("threshold", "period", "evaluationPeriods", "treatMissingData", "alarmActions")),
            Map.entry("aws:organizations/policy:Policy", List.of("name", "type", "content")),
            Map.entry("aws:organizations/policyAttachment:PolicyAttachment", List.of("targetId")),
            Map.entry("aws:sns/topicPolicy:TopicPolicy", List.of("policy")),
            Map.entry("aws:sns/topicSubscription:TopicSubscription", List.of("protocol", "endpoint")),
            Map.entry("aws:kms/key:Key", List.of("description", "deletionWindowInDays", "enableKeyRotation",
                    "rotationPeriodInDays", "multiRegion", "policy")),
            Map.entry("aws:kms/replicaKey:ReplicaKey", List.of("primaryKeyArn", "deletionWindowInDays", "policy")),
            Map.entry("aws:kms/alias:Alias", List.of("name", "targetKeyId")),
            Map.entry("aws:secretsmanager/secret:Secret", List.of("name", "kmsKeyId", "recoveryWindowInDays", "replicas")),
            Map.entry("aws:secretsmanager/secretPolicy:SecretPolicy", List.of("policy", "blockPublicPolicy")),
            Map.entry("aws:secretsmanager/secretVersion:SecretVersion", List.of("secretString")),
            Map.entry("aws:cloudwatch/eventRule:EventRule", List.of("name", "eventBusName", "state", "eventPattern")),
            Map.entry("aws:cloudwatch/eventTarget:EventTarget", List.of("arn", "roleArn")),
            Map.entry("aws:cloudwatch/eventBusPolicy:EventBusPolicy", List.of("policy")),
            Map.entry("aws:ssm/document:Document", List.of("name", "documentType")),
            Map.entry("aws:iam/role:Role", List.of("name", "assumeRolePolicy")),
            Map.entry("aws:cloudformation/stackSet:StackSet", List.of("name", "permissionModel", "callAs", "autoDeployment",
                    "operationPreferences", "templateBody")),
            Map.entry("aws:cloudformation/stackSetInstance:StackSetInstance", List.of("region", "deploymentTargets")));
    private static final int LONG_DOCUMENT = 160;
    private static final Map<String, String> COMPARISON = Map.of(
            "GreaterThanOrEqualToThreshold", ">=", "GreaterThanThreshold", ">",
            "LessThanThreshold", "<", "LessThanOrEqualToThreshold", "<=");

    private PlanText() {
    }

    /** One part of the full plan; a feature with something to review adds its section to {@link #SECTIONS}. */
    @FunctionalInterface
    interface Section {
        void appendTo(StringBuilder text, PlanView plan);
    }

    /** The sections of the full plan, in order. */
    private static final List<Section> SECTIONS = List.of(
            PlanText::resourcesPerPlace,
            PlanText::alarms,
            PlanText::resourcesPerAccount,
            PlanText::monthlyCost,
            PlanText::totals);

    /**
     * @param baselineCoverage the member baseline's coverage, read from the config the run
     *                         deployed; it precedes the post-deploy checklist, which ends the plan
     */
    public static String render(OfflineEngine.Run run, List<String> notes, Set<String> secureConfigKeys,
                                String baselineCoverage) {
        PlanView plan = new PlanView(run, secureConfigKeys);
        StringBuilder text = new StringBuilder(plan.title("plan")).append('\n');
        notes.forEach(note -> text.append("note: ").append(note).append('\n'));
        SECTIONS.forEach(section -> section.appendTo(text, plan));
        text.append(baselineCoverage);
        postDeployChecklist(text, plan);
        return text.toString();
    }

    private static void resourcesPerPlace(StringBuilder text, PlanView plan) {
        plan.byTarget().forEach((target, resources) -> {
            text.append('\n').append(plan.account(target.account())).append(' ').append(target.region())
                    .append(": ").append(resources.size()).append(" resources\n");
            for (PlannedResource resource : resources) {
                text.append("  ").append(resource.type()).append("  ").append(resource.name()).append('\n');
                List<String> options = new ArrayList<>();
                if (resource.protect()) {
                    options.add("protect");
                }
                if (resource.retainOnDelete()) {
                    options.add("retainOnDelete");
                }
                if (!options.isEmpty()) {
                    text.append("      options: ").append(String.join(", ", options)).append('\n');
                }
                for (String key : KEY_INPUTS.getOrDefault(resource.type(), List.of("name"))) {
                    JsonElement value = resource.inputs().get(key);
                    if (value != null) {
                        text.append("      ").append(key).append(": ").append(show(value)).append('\n');
                    }
                }
            }
        });
    }

    /** The runbook is keyed on alarm names: each with where it is and when it fires. */
    private static void alarms(StringBuilder text, PlanView plan) {
        List<PlannedResource> alarms = plan.ofType(MetricAlarm.class);
        text.append("\nAlarms (").append(alarms.size()).append("; the README's alarm table says what to do when one fires):\n");
        if (alarms.isEmpty()) {
            text.append("  none: no account has a cloudTrailLogGroup, so only the EventBridge rules watch.\n");
        }
        for (PlannedResource alarm : alarms) {
            text.append("  ").append(alarm.input("name")).append("  ").append(plan.place(alarm.provider().orElseThrow()))
                    .append(": ").append(alarm.input("statistic")).append(" of ").append(alarm.input("metricName"))
                    .append(' ').append(COMPARISON.getOrDefault(alarm.input("comparisonOperator"), alarm.input("comparisonOperator")))
                    .append(' ').append(alarm.input("threshold"))
                    .append(" in ").append(alarm.input("datapointsToAlarm")).append(" of ").append(alarm.input("evaluationPeriods"))
                    .append(" periods of ").append(alarm.input("period")).append(" s; missing data ")
                    .append(alarm.input("treatMissingData")).append('\n');
        }
    }

    private static void resourcesPerAccount(StringBuilder text, PlanView plan) {
        Map<String, Integer> perAccount = new TreeMap<>();
        plan.byTarget().forEach((target, resources) -> perAccount.merge(plan.account(target.account()), resources.size(), Integer::sum));
        text.append("\nAWS resources per account:\n");
        perAccount.forEach((account, count) -> text.append("  ").append(account).append(": ").append(count).append('\n'));
    }

    private static void monthlyCost(StringBuilder text, PlanView plan) {
        MonthlyCost cost = MonthlyCost.of(plan.run().resources());
        text.append("\nEstimated monthly AWS list price (USD, prices of ").append(MonthlyCost.PRICES_AS_OF)
                .append("; event charges at guard volumes round to zero):\n");
        int free = plan.byTarget().size();
        for (Map.Entry<PlannedResource.ProviderTarget, BigDecimal> entry : cost.byAccountRegion().entrySet()) {
            if (entry.getValue().signum() > 0) {
                free--;
                text.append("  ").append(plan.place(entry.getKey())).append(": $")
                        .append(entry.getValue().setScale(2, RoundingMode.HALF_UP)).append('\n');
            }
        }
        text.append("  ").append(free).append(" other account-regions: $0.00 each\n");
        text.append("  total: $").append(cost.total()).append('\n');
    }

    private static void totals(StringBuilder text, PlanView plan) {
        List<PlannedResource> resources = plan.run().resources();
        long providers = resources.stream().filter(PlannedResource::isProvider).count();
        long components = resources.stream().filter(PlannedResource::isComponent).count();
        text.append("Total: ").append(resources.size()).append(" registrations = ")
                .append(resources.size() - providers - components).append(" AWS resources + ").append(providers).append(" providers + ")
                .append(components).append(" components\n");
    }

    private static void postDeployChecklist(StringBuilder text, PlanView plan) {
        text.append("\nAfter the first pulumi up:\n");
        List<String> items = PostDeployChecklist.items(plan);
        for (int i = 0; i < items.size(); i++) {
            text.append("  ").append(i + 1).append(". ").append(items.get(i)).append('\n');
        }
    }

    private static String show(JsonElement value) {
        String text = value.isJsonPrimitive() ? value.getAsString() : value.toString();
        if (text.length() > LONG_DOCUMENT && text.startsWith("{")) {
            return text.length() + " characters of JSON (full text with --json)";
        }
        return text;
    }
}
