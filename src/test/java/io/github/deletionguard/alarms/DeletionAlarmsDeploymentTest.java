package io.github.deletionguard.alarms;

import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.LogMetricFilter;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import io.github.deletionguard.DeletionGuardStack;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.EventBridgeEvents;
import io.github.deletionguard.testing.EventRuleMatcher;
import com.google.gson.JsonParser;
import io.github.deletionguard.documents.InvalidPolicyException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metric filters and alarms as {@code pulumi up} would register them, from the repository's stack files. */
class DeletionAlarmsDeploymentTest {
    private static final ResourceNames PROD_NAMES = new ResourceNames("deletion-guard", "222222222222", "eu-central-1");
    /** The alarms of the released any-deletion mode whose meaning changed, with the alarm that carries each on. */
    private static final Map<String, String> RELEASED_IDS = Map.of(
            "kms-key-deletion-succeeded", "kms-key-deletion-attempt",
            "secret-deletion-succeeded", "secret-deletion-attempt");

    @Test
    void prodHasEveryAnyDeletionAlarmOnEachLogGroupWithItsOwnEvaluation() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");
        List<PlannedResource> alarms = Deployments.ofType(run, MetricAlarm.class);
        List<PlannedResource> filters = Deployments.ofType(run, LogMetricFilter.class);
        List<AlarmDefinition> definitions = AlarmDefinition.forMode(AlarmMode.ANY_DELETION);
        // The organization trail's log group in the management account, and data-prod's legacy trail.
        assertEquals(2 * definitions.size(), alarms.size());
        assertEquals(2 * definitions.size(), filters.size());
        Map<String, String> logGroupByFilter = filters.stream()
                .collect(Collectors.toMap(PlannedResource::name, filter -> filter.input("logGroupName")));
        assertEquals(Set.of("aws-controltower/CloudTrailLogs", "legacy-account-trail"), Set.copyOf(logGroupByFilter.values()));

        for (PlannedResource alarm : alarms) {
            AlarmDefinition definition = definitions.stream()
                    .filter(candidate -> alarm.input("name").equals(PROD_NAMES.alarm(candidate.id()))).findFirst().orElseThrow();
            assertEquals(PROD_NAMES.metricNamespace(), alarm.input("namespace"), alarm.name());
            assertEquals(definition.metricName(), alarm.input("metricName"), alarm.name());
            assertEquals("notBreaching", alarm.input("treatMissingData"), alarm.name());
            assertEquals(List.of(expectedEvaluation(definition)),
                    List.of(List.of(alarm.input("period"), alarm.input("evaluationPeriods"), alarm.input("threshold"))),
                    alarm.name());
        }
        filters.forEach(filter -> assertEquals(PROD_NAMES.metricNamespace(),
                filter.inputs().getAsJsonObject("metricTransformation").get("namespace").getAsString(), filter.name()));
    }

    /** Prod's any-deletion settings: 300 s, threshold 1, one period, 20 KMS errors; successes always 60 s, 1, 1. */
    private static List<String> expectedEvaluation(AlarmDefinition definition) {
        return switch (definition.counting()) {
            case SUCCESSES -> List.of("60", "1", "1");
            case FAILED_CALLS -> List.of("300", "1", "1");
            case ERROR_BURST -> List.of("300", "1", "20");
        };
    }

    @Test
    void everyDeployedAlarmGoingToAlarmIsForwardedToTheCentralBusAndOthersAreNot() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");
        String forwarding = Deployments.ofType(run, EventRule.class).stream()
                .filter(rule -> rule.name().equals("management-eu-central-1-forwarding-rule"))
                .map(rule -> rule.input("eventPattern")).findFirst().orElseThrow();
        for (PlannedResource alarm : Deployments.ofType(run, MetricAlarm.class)) {
            assertTrue(EventRuleMatcher.matches(forwarding, EventBridgeEvents.alarmStateChange(
                    "111111111111", "eu-central-1", alarm.input("name"), "ALARM")), alarm.input("name"));
            assertFalse(EventRuleMatcher.matches(forwarding, EventBridgeEvents.alarmStateChange(
                    "111111111111", "eu-central-1", alarm.input("name"), "OK")), alarm.input("name"));
        }
        for (String other : List.of("payments-latency", "deletion-guardian-kms-errors", "x-deletion-guard-kms-errors")) {
            assertFalse(EventRuleMatcher.matches(forwarding, EventBridgeEvents.alarmStateChange(
                    "111111111111", "eu-central-1", other, "ALARM")), other);
        }
    }

    @Test
    void alarmsThatTookOverFromReleasedOnesKeepTheirIdentityUnderAnAlias() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");
        Map<String, List<String>> aliased = new TreeMap<>();
        for (PlannedResource resource : run.resources()) {
            if (!resource.aliases().isEmpty()) {
                aliased.put(resource.name(), resource.aliases());
            }
        }
        Map<String, List<String>> expected = new TreeMap<>();
        for (PlannedResource resource : run.resources()) {
            RELEASED_IDS.forEach((id, released) -> {
                if (resource.name().endsWith("-alarms-" + id) || resource.name().endsWith("-alarms-" + id + "-alarm")) {
                    String formerName = resource.name().replace("-alarms-" + id, "-alarms-" + released);
                    // Same parent, same type: only the logical name at the end of the URN differs.
                    String formerUrn = resource.urn().substring(0, resource.urn().lastIndexOf("::") + 2) + formerName;
                    expected.put(resource.name(), List.of(formerUrn));
                }
            });
        }
        // A filter and an alarm per released alarm, on each of prod's two log groups.
        assertEquals(8, expected.size());
        assertEquals(expected, aliased);
        assertTrue(aliased.containsKey("management-eu-central-1-alarms-kms-key-deletion-succeeded-alarm"));
        assertEquals(List.of("urn:pulumi:prod::deletion-guard::pulumi:pulumi:Stack$deletion-guard:guard:AccountGuard"
                        + "$deletion-guard:guard:AccountRegionGuard$deletion-guard:alarms:DeletionAlarms"
                        + "$aws:cloudwatch/metricAlarm:MetricAlarm::management-eu-central-1-alarms-kms-key-deletion-attempt-alarm"),
                aliased.get("management-eu-central-1-alarms-kms-key-deletion-succeeded-alarm"));
    }

    @Test
    void stagingKeepsItsTwoAccessAlarmsUnchanged() {
        OfflineEngine.Run run = Deployments.ofStackFile("staging");
        assertEquals(List.of("deletion-guard-kms-key-pending-deletion-use", "deletion-guard-secret-marked-for-deletion-access"),
                Deployments.ofType(run, MetricAlarm.class).stream().map(alarm -> alarm.input("name")).sorted().toList());
        assertTrue(run.resources().stream().allMatch(resource -> resource.aliases().isEmpty()));
    }

    @Test
    void aFilterPatternOverCloudWatchLogsLimitStopsTheRunBeforeAnyResourceNamingTheLimit() {
        // Nine accounts with trails of their own, each log group name 100 characters long.
        var config = ConfigBuilder.sample().edit("accounts", accounts -> {
            for (int i = 0; i < 9; i++) {
                accounts.getAsJsonArray().add(JsonParser.parseString("""
                        {"id":"70000000000%d","name":"trail-%d","cloudTrailLogGroup":{"name":"%s","region":"eu-central-1"}}"""
                        .formatted(i, i, ("trail-" + i + "-").repeat(20).substring(0, 100))));
            }
        }).load();
        InvalidPolicyException error = assertThrows(InvalidPolicyException.class, () -> PreparedAlarm.prepareAll(config));
        assertTrue(error.getMessage().startsWith("the filter pattern of metric filter deletion-guard-alarm-log-tampering-succeeded is "),
                error.getMessage());
        assertTrue(error.getMessage().contains("CloudWatch Logs (PutMetricFilter) allows 1024"), error.getMessage());
        OfflineEngine.Run run = OfflineEngine.run("deletion-guard", "test", Map.of(), Set.of(),
                ctx -> DeletionGuardStack.deploy(ctx, config, PolicyFiles.inProjectRoot()));
        assertTrue(run.errors().get(0).getMessage().contains(error.getMessage()), run.errors().get(0).getMessage());
        assertEquals(List.of(), run.resources().stream().filter(resource -> resource.provider().isPresent()).toList());
    }

    @Test
    void withoutALogGroupThereAreNoAlarmsAndNoFilterPatternsToPrepare() {
        var config = ConfigBuilder.sample().edit("accounts", accounts -> ConfigBuilder.entry(accounts, 0)
                .remove("cloudTrailLogGroup")).load();
        assertEquals(List.of(), PreparedAlarm.prepareAll(config));
    }
}
