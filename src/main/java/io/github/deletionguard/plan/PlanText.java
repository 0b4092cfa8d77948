package io.github.deletionguard.plan;

import com.google.gson.JsonElement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The human-readable plan: per account and region, each AWS resource with the inputs a reviewer
 * checks, then the resource counts.
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

    private PlanText() {
    }

    public static String render(OfflineEngine.Run run, List<String> notes) {
        StringBuilder text = new StringBuilder();
        Map<PlannedResource.ProviderTarget, List<PlannedResource>> byTarget = new LinkedHashMap<>();
        Map<String, String> accountNames = new TreeMap<>();
        for (PlannedResource resource : run.resources()) {
            if (resource.isProvider()) {
                PlannedResource.ProviderTarget target = ProviderInputs.target(resource.inputs());
                accountNames.put(target.account(), accountName(resource.name(), target.region()));
            }
            resource.provider().ifPresent(target ->
                    byTarget.computeIfAbsent(target, key -> new java.util.ArrayList<>()).add(resource));
        }
        Object mode = run.outputs().get("alarmMode");
        text.append("deletion-guard plan for stack '").append(run.stack()).append("'")
                .append(mode == null ? "" : " (alarmMode " + mode + ")").append('\n');
        notes.forEach(note -> text.append("note: ").append(note).append('\n'));

        Map<String, Integer> perAccount = new TreeMap<>();
        byTarget.forEach((target, resources) -> {
            String account = accountNames.getOrDefault(target.account(), "?") + " (" + target.account() + ")";
            perAccount.merge(account, resources.size(), Integer::sum);
            text.append('\n').append(account).append(' ').append(target.region())
                    .append(": ").append(resources.size()).append(" resources\n");
            for (PlannedResource resource : resources) {
                text.append("  ").append(resource.type()).append("  ").append(resource.name()).append('\n');
                List<String> options = new java.util.ArrayList<>();
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

        text.append("\nAWS resources per account:\n");
        perAccount.forEach((account, count) -> text.append("  ").append(account).append(": ").append(count).append('\n'));
        long providers = run.resources().stream().filter(PlannedResource::isProvider).count();
        long components = run.resources().stream().filter(PlannedResource::isComponent).count();
        long awsResources = run.resources().size() - providers - components;
        MonthlyCost cost = MonthlyCost.of(run.resources());
        text.append("\nEstimated monthly AWS list price (USD, prices of ").append(MonthlyCost.PRICES_AS_OF)
                .append("; event charges at guard volumes round to zero):\n");
        int free = (int) providers;
        for (Map.Entry<PlannedResource.ProviderTarget, java.math.BigDecimal> entry : cost.byAccountRegion().entrySet()) {
            if (entry.getValue().signum() > 0) {
                free--;
                text.append("  ").append(accountNames.getOrDefault(entry.getKey().account(), "?")).append(' ')
                        .append(entry.getKey().region()).append(": $")
                        .append(entry.getValue().setScale(2, java.math.RoundingMode.HALF_UP)).append('\n');
            }
        }
        text.append("  ").append(free).append(" other account-regions: $0.00 each\n");
        text.append("  total: $").append(cost.total()).append('\n');
        text.append("Total: ").append(run.resources().size()).append(" registrations = ")
                .append(awsResources).append(" AWS resources + ").append(providers).append(" providers + ")
                .append(components).append(" components\n");
        return text.toString();
    }

    private static String accountName(String providerName, String region) {
        String name = providerName.startsWith("aws-") ? providerName.substring(4) : providerName;
        return name.endsWith("-" + region) ? name.substring(0, name.length() - region.length() - 1) : name;
    }

    private static String show(JsonElement value) {
        String text = value.isJsonPrimitive() ? value.getAsString() : value.toString();
        if (text.length() > LONG_DOCUMENT && text.startsWith("{")) {
            return text.length() + " characters of JSON (full text with --json)";
        }
        return text;
    }
}
