package io.github.deletionguard.prevention;

import com.google.gson.JsonObject;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.testing.CloudTrailSamples;
import io.github.deletionguard.testing.IamSimulator.Case;
import io.github.deletionguard.testing.IamSimulator.Decision;
import io.github.deletionguard.testing.IamSimulator.DecisionTable;
import io.github.deletionguard.testing.IamSimulator.Request;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.github.deletionguard.prevention.ServiceControlPolicyDecisionTest.json;
import static io.github.deletionguard.prevention.ServiceControlPolicyDecisionTest.registeredParts;
import static io.github.deletionguard.testing.IamSimulator.fullAwsAccess;

/**
 * The walk-arounds as CloudTrail recorded them (the samples under {@code src/test/resources/cloudtrail/}),
 * replayed against the prod SCP: the caller, action, resource and condition keys come from each
 * record, so the proof is about the calls attackers make, not about requests we imagined. Each
 * record is replayed twice: by its own caller, an ordinary admin, who must be denied, and by a
 * break-glass role, who may do only what the split exemptions leave to break-glass.
 */
class RecordedAttacksTest {
    private static final Decision DENY = Decision.ExplicitlyDenied;
    private static final Decision ALLOW = Decision.Allowed;
    private static final JsonObject MAY_DO_ANYTHING = json("""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""");

    /**
     * @param resource   the IAM resource of the call, from the record
     * @param context    the condition keys the call carries, from the record's request parameters
     * @param breakGlass what a break-glass role making the same call gets
     */
    private record Recorded(String file, Function<JsonObject, String> resource,
                            Function<JsonObject, Map<String, String>> context, Decision breakGlass) {
    }

    private static final List<Recorded> RECORDS = List.of(
            new Recorded("kms/put-key-policy-bypass.json", parameter("keyId"),
                    record -> Map.of("kms:BypassPolicyLockoutSafetyCheck", parameter("bypassPolicyLockoutSafetyCheck").apply(record)), DENY),
            new Recorded("kms/create-key-bypass.json", record -> "*",
                    record -> Map.of("kms:BypassPolicyLockoutSafetyCheck", parameter("bypassPolicyLockoutSafetyCheck").apply(record)), DENY),
            new Recorded("kms/import-key-material-expires.json", parameter("keyId"),
                    record -> Map.of("kms:ExpirationModel", parameter("expirationModel").apply(record)), ALLOW),
            new Recorded("kms/schedule-key-deletion-denied-by-scp.json", parameter("keyId"),
                    record -> Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", parameter("pendingWindowInDays").apply(record)), DENY),
            new Recorded("kms/disconnect-custom-key-store.json", record -> "*", none(), ALLOW),
            new Recorded("kms/delete-custom-key-store.json", record -> "*", none(), ALLOW),
            new Recorded("cloudhsm/delete-cluster.json", record -> cloudHsm(record, "cluster/" + parameter("clusterId").apply(record)), none(), ALLOW),
            new Recorded("cloudhsm/delete-hsm.json", record -> "*", none(), ALLOW),
            new Recorded("cloudhsm/delete-backup.json", record -> cloudHsm(record, "backup/" + parameter("backupId").apply(record)), none(), ALLOW),
            new Recorded("secretsmanager/remove-regions-from-replication.json", parameter("secretId"), none(), ALLOW),
            new Recorded("secretsmanager/stop-replication-to-replica.json", parameter("secretId"), none(), ALLOW),
            new Recorded("organizations/leave-organization.json", record -> "*", none(), DENY),
            new Recorded("iam/create-role-break-glass.json", RecordedAttacksTest::role, none(), DENY),
            new Recorded("iam/update-assume-role-policy.json", RecordedAttacksTest::role, none(), DENY),
            new Recorded("iam/put-role-policy.json", RecordedAttacksTest::role, none(), DENY),
            new Recorded("iam/attach-role-policy.json", RecordedAttacksTest::role, none(), DENY),
            new Recorded("cloudtrail/stop-logging.json", parameter("name"), none(), DENY),
            new Recorded("cloudtrail/delete-trail.json", parameter("name"), none(), DENY),
            new Recorded("cloudtrail/update-trail.json", parameter("name"), none(), DENY),
            new Recorded("cloudtrail/put-event-selectors.json", parameter("trailName"), none(), DENY),
            new Recorded("events/delete-rule.json", record -> Arns.eventRule(region(record), account(record),
                    parameter("name").apply(record)), none(), DENY),
            new Recorded("events/disable-rule.json", record -> Arns.eventRule(region(record), account(record),
                    parameter("name").apply(record)), none(), DENY),
            new Recorded("events/put-rule.json", record -> Arns.eventRule(region(record), account(record),
                    parameter("name").apply(record)), none(), DENY),
            new Recorded("events/remove-targets.json", record -> Arns.eventRule(region(record), account(record),
                    parameter("rule").apply(record)), none(), DENY),
            new Recorded("events/delete-event-bus.json", record -> Arns.eventBus(region(record), account(record),
                    parameter("name").apply(record)), none(), DENY),
            // A subscription is authorized against its topic: the subscription ARN without its id.
            new Recorded("sns/set-subscription-attributes.json", record -> topicOf(parameter("subscriptionArn").apply(record)), none(), DENY),
            new Recorded("sns/unsubscribe.json", record -> topicOf(parameter("subscriptionArn").apply(record)), none(), DENY),
            new Recorded("sns/set-topic-attributes.json", parameter("topicArn"), none(), DENY),
            new Recorded("ssm/delete-document.json", record -> Arns.ssmDocument(region(record), account(record),
                    parameter("name").apply(record)), none(), DENY),
            new Recorded("ssm/update-document.json", record -> Arns.ssmDocument(region(record), account(record),
                    parameter("name").apply(record)), none(), DENY));

    @Test
    void everyRecordedWalkAroundIsDeniedToItsCallerAndLeftToBreakGlassOnlyWhereItShouldBe() {
        List<JsonObject> scps = new ArrayList<>(List.of(fullAwsAccess()));
        scps.addAll(registeredParts("prod"));
        DecisionTable table = new DecisionTable("recorded walk-arounds, prod SCP");
        for (Recorded recorded : RECORDS) {
            JsonObject record = CloudTrailSamples.record(recorded.file());
            String account = account(record);
            String caller = record.getAsJsonObject("userIdentity").getAsJsonObject("sessionContext")
                    .getAsJsonObject("sessionIssuer").get("arn").getAsString();
            String breakGlass = Arns.iamRole(account, "BreakGlassAdmin");
            table.expect(DENY, replay(recorded, record, caller, scps, "by its caller"));
            table.expect(recorded.breakGlass(), replay(recorded, record, breakGlass, scps, "by break-glass"));
        }
        table.assertDecisions();
    }

    private static Case replay(Recorded recorded, JsonObject record, String principalArn, List<JsonObject> scps, String who) {
        String account = account(record);
        String action = record.get("eventSource").getAsString().replace(".amazonaws.com", "") + ":" + record.get("eventName").getAsString();
        String resource = recorded.resource().apply(record);
        Map<String, String> context = new HashMap<>(recorded.context().apply(record));
        context.put("aws:PrincipalArn", principalArn);
        context.put("aws:PrincipalAccount", account);
        String session = "arn:aws:sts::" + account + ":assumed-role/" + principalArn.substring(principalArn.lastIndexOf('/') + 1) + "/alice";
        JsonObject keyPolicy = resource.startsWith("arn:aws:kms:") ? json("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Principal": {"AWS": "arn:aws:iam::%s:root"}, "Action": "kms:*", "Resource": "*"}]}""".formatted(account)) : null;
        return new Case(recorded.file() + " " + who, List.of(MAY_DO_ANYTHING), scps, keyPolicy,
                new Request(session, action, resource, resource.equals("*") ? account : null, context));
    }

    private static Function<JsonObject, String> parameter(String name) {
        return record -> record.getAsJsonObject("requestParameters").get(name).getAsString();
    }

    private static Function<JsonObject, Map<String, String>> none() {
        return record -> Map.of();
    }

    private static String account(JsonObject record) {
        return record.get("recipientAccountId").getAsString();
    }

    private static String region(JsonObject record) {
        return record.get("awsRegion").getAsString();
    }

    private static String role(JsonObject record) {
        return Arns.iamRole(account(record), parameter("roleName").apply(record));
    }

    private static String cloudHsm(JsonObject record, String resource) {
        return "arn:aws:cloudhsm:" + region(record) + ":" + account(record) + ":" + resource;
    }

    private static String topicOf(String subscriptionArn) {
        return subscriptionArn.substring(0, subscriptionArn.lastIndexOf(':'));
    }
}
