package io.github.deletionguard.remediation;

import com.google.gson.JsonObject;
import io.github.deletionguard.testing.RoleDecisions;
import io.github.deletionguard.testing.RoleDecisions.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static io.github.deletionguard.testing.IamSimulator.Decision.Allowed;
import static io.github.deletionguard.testing.IamSimulator.Decision.ImplicitlyDenied;
import static io.github.deletionguard.testing.RoleDecisions.assertDecisions;
import static io.github.deletionguard.testing.RoleDecisions.json;
import static io.github.deletionguard.testing.RoleDecisions.role;

/**
 * The remediation roles of the prod stack file, decided by iam-simulate rather than read by us:
 * each service may assume a role only for this account's own rules or Automations, and each role
 * may do only its one job; on both engines of the member baseline.
 */
class RemediationPolicyDecisionsTest {
    private static final String PAYMENTS = "444444444444";
    private static final String LOG_ARCHIVE = "333333333333";
    private static final String AUTOMATION_ROLE = role(PAYMENTS, "deletion-guard-remediation-automation");
    private static final String TRIGGER_ROLE = role(PAYMENTS, "deletion-guard-remediation-trigger");
    private static final String KEY = "arn:aws:kms:us-east-1:" + PAYMENTS + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:" + PAYMENTS + ":secret:payments/db-AbCdEf";
    /** The default key policy: the account's IAM policies decide. */
    private static final JsonObject KEY_POLICY = json("""
            {"Version": "2012-10-17", "Statement": [{"Sid": "EnableIamPolicies", "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::444444444444:root"}, "Action": "kms:*", "Resource": "*"}]}
            """);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void servicesAssumeTheRolesOnlyForThisAccountsOwnRulesAndAutomations(Engine engine) {
        RoleDecisions payments = RoleDecisions.of(engine, PAYMENTS);
        String forwardingRule = "arn:aws:events:us-east-1:" + PAYMENTS + ":rule/deletion-guard-forward-deletion-events";
        String remediationRule = "arn:aws:events:us-east-1:" + PAYMENTS + ":rule/deletion-guard-remediate-deletion";
        String execution = "arn:aws:ssm:us-east-1:" + PAYMENTS + ":automation-execution/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
        assertDecisions("remediation role trust, " + engine, List.of(
                payments.assume("remediation rule assumes the trigger role", "deletion-guard-remediation-trigger",
                        "events.amazonaws.com", PAYMENTS, remediationRule, Allowed),
                payments.assume("forwarding rule assumes the trigger role", "deletion-guard-remediation-trigger",
                        "events.amazonaws.com", PAYMENTS, forwardingRule, ImplicitlyDenied),
                payments.assume("an Automation of the account assumes the automation role", "deletion-guard-remediation-automation",
                        "ssm.amazonaws.com", PAYMENTS, execution, Allowed),
                payments.assume("another account's Automation", "deletion-guard-remediation-automation", "ssm.amazonaws.com",
                        LOG_ARCHIVE, execution.replace(PAYMENTS, LOG_ARCHIVE), ImplicitlyDenied),
                payments.assume("EventBridge assumes the automation role", "deletion-guard-remediation-automation",
                        "events.amazonaws.com", PAYMENTS, remediationRule, ImplicitlyDenied)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void eachRoleMayDoItsOneJobAndNothingElse(Engine engine) {
        RoleDecisions payments = RoleDecisions.of(engine, PAYMENTS);
        Map<String, String> inRegion = Map.of("aws:RequestedRegion", "us-east-1");
        assertDecisions("remediation role permissions, " + engine, List.of(
                payments.act("automation role cancels a key deletion", AUTOMATION_ROLE, "kms:CancelKeyDeletion", KEY, KEY_POLICY, Map.of(), Allowed),
                payments.act("automation role enables a key", AUTOMATION_ROLE, "kms:EnableKey", KEY, KEY_POLICY, Map.of(), Allowed),
                payments.act("automation role schedules a key deletion", AUTOMATION_ROLE, "kms:ScheduleKeyDeletion", KEY, KEY_POLICY,
                        Map.of(), ImplicitlyDenied),
                payments.act("automation role disables a key", AUTOMATION_ROLE, "kms:DisableKey", KEY, KEY_POLICY, Map.of(), ImplicitlyDenied),
                payments.act("automation role cancels a deletion in another region", AUTOMATION_ROLE, "kms:CancelKeyDeletion",
                        KEY.replace("us-east-1", "ap-south-1"), KEY_POLICY, Map.of(), ImplicitlyDenied),
                payments.act("automation role restores a secret", AUTOMATION_ROLE, "secretsmanager:RestoreSecret", SECRET, null,
                        Map.of(), Allowed),
                payments.act("automation role deletes a secret", AUTOMATION_ROLE, "secretsmanager:DeleteSecret", SECRET, null,
                        Map.of(), ImplicitlyDenied),
                payments.act("automation role reads a secret", AUTOMATION_ROLE, "secretsmanager:GetSecretValue", SECRET, null,
                        Map.of(), ImplicitlyDenied),
                payments.act("automation role reads event history in the account's region", AUTOMATION_ROLE,
                        "cloudtrail:LookupEvents", "*", PAYMENTS, inRegion, Allowed),
                payments.act("automation role reads event history elsewhere", AUTOMATION_ROLE, "cloudtrail:LookupEvents", "*",
                        PAYMENTS, Map.of("aws:RequestedRegion", "ap-south-1"), ImplicitlyDenied),
                payments.act("trigger role starts the remediation document", TRIGGER_ROLE, "ssm:StartAutomationExecution",
                        "arn:aws:ssm:us-east-1:" + PAYMENTS + ":automation-definition/deletion-guard-remediate-deletion:$DEFAULT",
                        null, Map.of(), Allowed),
                payments.act("trigger role starts another document", TRIGGER_ROLE, "ssm:StartAutomationExecution",
                        "arn:aws:ssm:us-east-1:" + PAYMENTS + ":automation-definition/AWS-DeleteSnapshot:$DEFAULT",
                        null, Map.of(), ImplicitlyDenied),
                payments.act("trigger role passes the automation role to Systems Manager", TRIGGER_ROLE, "iam:PassRole",
                        AUTOMATION_ROLE, null, Map.of("iam:PassedToService", "ssm.amazonaws.com"), Allowed),
                payments.act("trigger role passes the automation role to Lambda", TRIGGER_ROLE, "iam:PassRole",
                        AUTOMATION_ROLE, null, Map.of("iam:PassedToService", "lambda.amazonaws.com"), ImplicitlyDenied),
                payments.act("trigger role passes another role", TRIGGER_ROLE, "iam:PassRole", role(PAYMENTS, "Admin"), null,
                        Map.of("iam:PassedToService", "ssm.amazonaws.com"), ImplicitlyDenied)));
    }
}
