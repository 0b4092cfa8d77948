package io.github.deletionguard.plan;

import com.pulumi.aws.cloudwatch.EventBus;
import com.pulumi.aws.cloudwatch.EventBusPolicy;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.LogMetricFilter;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.ReplicaKey;
import com.pulumi.aws.organizations.Policy;
import com.pulumi.aws.organizations.PolicyAttachment;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretPolicy;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.ssm.Document;
import com.pulumi.resources.CustomResource;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The inputs of each AWS type the program deploys whose change makes {@code pulumi up} delete the
 * resource and create a new one: the AWS provider bridges Terraform's provider, whose schema
 * marks them {@code ForceNew} (AWS offers no call that changes them in place). A new type the
 * program deploys belongs here too; a type not listed is diffed as if every change were in place.
 */
final class ReplaceOnChange {
    private static final Map<String, Set<String>> INPUTS = Map.ofEntries(
            entry(Role.class, "name", "namePrefix", "path"),
            entry(EventBus.class, "name", "eventSourceName"),
            entry(EventBusPolicy.class, "eventBusName"),
            entry(EventRule.class, "name", "namePrefix", "eventBusName"),
            entry(EventTarget.class, "rule", "targetId", "eventBusName"),
            entry(LogMetricFilter.class, "name", "logGroupName"),
            entry(MetricAlarm.class, "name"),
            entry(Topic.class, "name", "namePrefix", "fifoTopic"),
            entry(TopicPolicy.class, "arn"),
            entry(TopicSubscription.class, "topic", "protocol", "endpoint"),
            entry(Key.class, "multiRegion", "customerMasterKeySpec", "keyUsage", "customKeyStoreId"),
            entry(ReplicaKey.class, "primaryKeyArn"),
            entry(Alias.class, "name", "namePrefix"),
            entry(Secret.class, "name", "namePrefix"),
            entry(SecretPolicy.class, "secretArn"),
            entry(SecretVersion.class, "secretId", "secretString", "secretBinary"),
            entry(Document.class, "name"),
            entry(Policy.class, "type"),
            entry(PolicyAttachment.class, "policyId", "targetId"));

    private ReplaceOnChange() {
    }

    /** Of the changed inputs of a resource of {@code type}, those that replace it. */
    static Set<String> replacing(String type, Set<String> changedInputs) {
        Set<String> replacing = INPUTS.getOrDefault(type, Set.of());
        return changedInputs.stream().filter(replacing::contains).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static Map.Entry<String, Set<String>> entry(Class<? extends CustomResource> type, String... inputs) {
        return Map.entry(PlannedResource.typeToken(type), Set.of(inputs));
    }
}
