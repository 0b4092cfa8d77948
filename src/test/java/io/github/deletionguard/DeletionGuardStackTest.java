package io.github.deletionguard;

import com.pulumi.aws.cloudwatch.LogMetricFilter;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.resources.CustomResource;
import com.google.gson.JsonParser;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.github.deletionguard.testing.ConfigBuilder.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole program under the mock engine, on the repository's own stack files. */
class DeletionGuardStackTest {
    private static final Class<? extends CustomResource> METRIC_FILTER = LogMetricFilter.class;
    private static final Class<? extends CustomResource> ALARM = MetricAlarm.class;
    private static final Class<? extends CustomResource> TOPIC = Topic.class;
    /** The components at the top of the tree; everything else hangs below one of them. */
    private static final Set<String> ROOT_COMPONENTS = Set.of("deletion-guard:guard:AccountGuard",
            "deletion-guard:notifications:NotificationHub", "deletion-guard:orgpolicy:OrganizationGuardrail",
            "deletion-guard:securityaccount:CriticalVault", "deletion-guard:detection:CentralEventBus",
            "deletion-guard:detection:EventSummary");

    /** "account/region alarm-name" for every alarm, to compare whole rollouts at once. */
    private static Set<String> alarmsByTarget(OfflineEngine.Run run) {
        return Deployments.ofType(run, ALARM).stream()
                .map(alarm -> alarm.provider().orElseThrow().account() + "/" + alarm.provider().orElseThrow().region()
                        + " " + alarm.input("name"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void stagingAlarmsOnlyOnUseAndAccessWhereTheOrganizationTrailIs() {
        OfflineEngine.Run run = Deployments.ofStackFile("staging");

        assertEquals(Set.of(
                        "210987654321/eu-central-1 deletion-guard-kms-key-pending-deletion-use",
                        "210987654321/eu-central-1 deletion-guard-secret-marked-for-deletion-access"),
                alarmsByTarget(run));
        assertEquals(2, Deployments.ofType(run, METRIC_FILTER).size());
    }

    @Test
    void prodAlarmsOnEveryDeletionAttemptWhereEachLogGroupIs() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");

        Set<String> expected = new TreeSet<>();
        for (String target : List.of("111111111111/eu-central-1", "055555555555/eu-west-1")) {
            for (String alarm : List.of("kms-key-pending-deletion-use", "secret-marked-for-deletion-access",
                    "kms-key-deletion-succeeded", "kms-key-deletion-failed", "secret-deletion-succeeded",
                    "secret-deletion-failed", "kms-errors", "trail-tampering-succeeded", "trail-tampering-failed",
                    "alarm-log-tampering-succeeded", "alarm-log-tampering-failed")) {
                expected.add(target + " deletion-guard-" + alarm);
            }
        }
        // The central bus counts denied deletions with one alarm of its own, in the security account,
        // and the pipeline roles' with one that pages nobody and its ceiling.
        expected.add("222222222222/eu-central-1 deletion-guard-denied-calls");
        expected.add("222222222222/eu-central-1 deletion-guard-pipeline-denied-calls");
        expected.add("222222222222/eu-central-1 deletion-guard-pipeline-denied-calls-sustained");
        assertEquals(expected, alarmsByTarget(run));
        for (PlannedResource filter : Deployments.ofType(run, METRIC_FILTER)) {
            String logGroup = switch (filter.provider().orElseThrow().account()) {
                case "111111111111" -> "aws-controltower/CloudTrailLogs";
                case "222222222222" -> "/aws/events/deletion-guard-denied-calls";
                default -> "legacy-account-trail";
            };
            assertEquals(logGroup, filter.input("logGroupName"), filter.name());
        }
    }

    @Test
    void alarmsUseTheConfiguredSettingsAndNotifyTheirRegionsHubTopic() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");

        // The pipeline roles' alarms have settings of their own (PipelineRunNoticesTest).
        for (PlannedResource alarm : Deployments.ofType(run, ALARM).stream()
                .filter(alarm -> !alarm.input("name").startsWith("deletion-guard-pipeline-")).toList()) {
            String region = alarm.provider().orElseThrow().region();
            boolean errorBurst = alarm.input("name").endsWith("kms-errors");
            assertEquals(errorBurst ? "20" : "1", alarm.input("threshold"), alarm.name());
            // Alarms on successes return to OK after a quiet minute, whatever the configured period.
            assertEquals(alarm.input("name").endsWith("-succeeded") ? "60" : "300", alarm.input("period"), alarm.name());
            assertEquals("1", alarm.input("evaluationPeriods"));
            assertEquals("1", alarm.input("datapointsToAlarm"));
            assertEquals("Sum", alarm.input("statistic"));
            assertEquals("GreaterThanOrEqualToThreshold", alarm.input("comparisonOperator"));
            assertEquals("notBreaching", alarm.input("treatMissingData"));
            assertEquals("DeletionGuard", alarm.input("namespace"));
            assertEquals("[\"arn:aws:sns:" + region + ":222222222222:deletion-guard-notifications\"]",
                    alarm.inputs().get("alarmActions").toString(), alarm.name());
        }
    }

    @Test
    void hubTopicsLiveInTheSecurityAccountInEveryRegionWithAlarms() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");

        Set<String> topics = Deployments.ofType(run, TOPIC).stream()
                .map(topic -> topic.provider().orElseThrow().account() + "/" + topic.provider().orElseThrow().region())
                .collect(Collectors.toSet());
        assertEquals(Set.of("222222222222/eu-central-1", "222222222222/eu-west-1"), topics);
        assertEquals(Map.of("eu-central-1", "arn:aws:sns:eu-central-1:222222222222:deletion-guard-notifications",
                "eu-west-1", "arn:aws:sns:eu-west-1:222222222222:deletion-guard-notifications"),
                run.outputs().get("notificationTopicArns"));
        List<String> subscriptions = Deployments.ofType(run, TopicSubscription.class).stream()
                .map(subscription -> subscription.input("topic") + " " + subscription.input("endpoint"))
                .sorted().toList();
        assertEquals(List.of(
                "arn:aws:sns:eu-central-1:222222222222:deletion-guard-notices platform-oncall@example.com",
                "arn:aws:sns:eu-central-1:222222222222:deletion-guard-notices secops@example.com",
                "arn:aws:sns:eu-central-1:222222222222:deletion-guard-notifications platform-oncall@example.com",
                "arn:aws:sns:eu-central-1:222222222222:deletion-guard-notifications secops@example.com",
                "arn:aws:sns:eu-west-1:222222222222:deletion-guard-notifications platform-oncall@example.com",
                "arn:aws:sns:eu-west-1:222222222222:deletion-guard-notifications secops@example.com"), subscriptions);
    }

    @Test
    void everyProviderIsPinnedToItsOneAccountThroughTheAccessRole() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");

        List<PlannedResource> providers = run.resources().stream().filter(PlannedResource::isProvider).toList();
        assertFalse(providers.isEmpty());
        for (PlannedResource provider : providers) {
            String account = JsonParser.parseString(provider.input("allowedAccountIds")).getAsJsonArray().get(0).getAsString();
            assertEquals(1, JsonParser.parseString(provider.input("allowedAccountIds")).getAsJsonArray().size());
            assertEquals("arn:aws:iam::" + account + ":role/OrganizationAccountAccessRole",
                    JsonParser.parseString(provider.input("assumeRole")).getAsJsonObject().get("roleArn").getAsString());
            assertTrue(provider.name().endsWith("-" + provider.input("region")), provider.name());
            assertEquals("deletion-guard", JsonParser.parseString(provider.input("defaultTags"))
                    .getAsJsonObject().getAsJsonObject("tags").get("ManagedBy").getAsString());
        }
        assertEquals(15, providers.size(), "one per account and region: 4 accounts in 2 regions, payments-prod in 3;"
                + " the security account's hubs reuse its providers; every account's in us-east-1, where the global"
                + " services' events are forwarded (the management account's also deploys the SCP)");
    }

    @Test
    void everyAwsResourceUsesAnExplicitAccountProvider() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");

        for (PlannedResource resource : run.resources()) {
            if (!resource.isProvider() && !resource.isComponent()) {
                assertTrue(resource.provider().orElseThrow().account().matches("\\d{12}"),
                        resource.name() + " is on the default provider");
            }
        }
    }

    @Test
    void everyResourceHangsInTheComponentTree() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");

        for (PlannedResource resource : run.resources()) {
            boolean atRoot = resource.parent().isEmpty();
            boolean mayBeAtRoot = resource.isProvider() || ROOT_COMPONENTS.contains(resource.type());
            assertEquals(mayBeAtRoot, atRoot, resource.urn());
        }
    }

    @Test
    void badConfigRegistersNoResourceAtAll() {
        OfflineEngine.Run run = ConfigBuilder.sample()
                .edit("accounts", accounts -> entry(accounts, 2).addProperty("id", "123"))
                .run();

        assertFalse(run.errors().isEmpty());
        assertEquals(List.of(), run.resources());
    }

    @Test
    void reorderingAccountsAndRegionsChangesNoResource() {
        GuardConfig config = ConfigBuilder.sample().load();
        GuardConfig reordered = ConfigBuilder.sample()
                .set("regions", "[\"eu-west-1\",\"eu-central-1\"]")
                .edit("accounts", accounts -> Collections.reverse(accounts.getAsJsonArray().asList()))
                .load();

        assertEquals(resourcesByUrn(Deployments.of(config)), resourcesByUrn(Deployments.of(reordered)));
    }

    private static Map<String, String> resourcesByUrn(OfflineEngine.Run run) {
        Map<String, String> byUrn = new TreeMap<>();
        run.resources().forEach(resource -> byUrn.put(resource.urn(), resource.inputs() + " " + resource.provider()));
        return byUrn;
    }
}
