package io.github.deletionguard.accounts;

import com.pulumi.aws.cloudwatch.EventBusPolicy;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.resources.CustomResource;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.IamSimulator;
import io.github.deletionguard.testing.IamSimulator.Case;
import io.github.deletionguard.testing.IamSimulator.Decision;
import io.github.deletionguard.testing.IamSimulator.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import io.github.deletionguard.baseline.StackSetBaseline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.deletionguard.testing.IamSimulator.Decision.Allowed;
import static io.github.deletionguard.testing.IamSimulator.Decision.ImplicitlyDenied;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The IAM documents of the prod stack file, decided by iam-simulate rather than read by us: each
 * service may assume a role only for this account's own rules or Automations, each role may do
 * only its one job, the central bus admits only forwarding roles of the organization, and the hub
 * topic admits only the central rules. The role decisions run on both engines of the member
 * baseline: prod's roles of payments-prod, and the org stack's StackSet roles in the same account
 * (any account of its OUs, so none need be configured).
 */
class DeletionResponsePolicyDecisionsTest {
    /** Where payments-prod's roles come from. */
    enum Engine {
        PROVIDERS, STACKSETS
    }

    private static final String ORGANIZATION = "o-pr0dorg7x2k";
    private static final String SECURITY = "222222222222";
    private static final String PAYMENTS = "444444444444";
    private static final String LOG_ARCHIVE = "333333333333";
    private static final String BUS = "arn:aws:events:eu-central-1:" + SECURITY + ":event-bus/deletion-guard-deletion-events";
    private static final String TOPIC = "arn:aws:sns:eu-central-1:" + SECURITY + ":deletion-guard-notifications";
    private static final String FORWARDING_ROLE = role(PAYMENTS, "deletion-guard-event-forwarding");
    private static final String AUTOMATION_ROLE = role(PAYMENTS, "deletion-guard-remediation-automation");
    private static final String TRIGGER_ROLE = role(PAYMENTS, "deletion-guard-remediation-trigger");
    private static final String KEY = "arn:aws:kms:us-east-1:" + PAYMENTS + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:" + PAYMENTS + ":secret:payments/db-AbCdEf";
    /** The default key policy: the account's IAM policies decide. */
    private static final JsonObject KEY_POLICY = json("""
            {"Version": "2012-10-17", "Statement": [{"Sid": "EnableIamPolicies", "Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::444444444444:root"}, "Action": "kms:*", "Resource": "*"}]}
            """);
    private static final JsonObject ALLOW_EVERYTHING = json("""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
            """);

    private static final Map<Engine, Map<String, JsonObject>> ROLES = new java.util.EnumMap<>(Engine.class);
    private static JsonObject busPolicy;
    private static JsonObject topicPolicy;

    @BeforeAll
    static void deployProd() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");
        Map<String, JsonObject> byProviders = new LinkedHashMap<>();
        for (PlannedResource role : Deployments.ofType(run, Role.class)) {
            if (role.provider().orElseThrow().account().equals(PAYMENTS)) {
                byProviders.put(role.input("name"), role.inputs());
            }
        }
        ROLES.put(Engine.PROVIDERS, byProviders);
        ROLES.put(Engine.STACKSETS, StackSetBaseline.roles(StackSetBaseline.templateBody(Deployments.ofStackFile("org"),
                "deletion-guard-member-baseline-global"), PAYMENTS));

        busPolicy = json(Deployments.ofType(run, EventBusPolicy.class).get(0).input("policy"));
        topicPolicy = json(Deployments.ofType(run, TopicPolicy.class).stream()
                .filter(policy -> policy.provider().orElseThrow().region().equals("eu-central-1"))
                .findFirst().orElseThrow().input("policy"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void servicesAssumeTheRolesOnlyForThisAccountsOwnRulesAndAutomations(Engine engine) {
        Map<String, JsonObject> roles = ROLES.get(engine);
        String forwardingRule = "arn:aws:events:us-east-1:" + PAYMENTS + ":rule/deletion-guard-forward-deletion-events";
        String remediationRule = "arn:aws:events:us-east-1:" + PAYMENTS + ":rule/deletion-guard-remediate-deletion";
        String execution = "arn:aws:ssm:us-east-1:" + PAYMENTS + ":automation-execution/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
        assertDecisions(List.of(
                assume(roles, "forwarding rule assumes the forwarding role", "deletion-guard-event-forwarding",
                        "events.amazonaws.com", PAYMENTS, forwardingRule, Allowed),
                assume(roles, "forwarding rule of a region the account lacks", "deletion-guard-event-forwarding",
                        "events.amazonaws.com", PAYMENTS, forwardingRule.replace("us-east-1", "ap-south-1"), ImplicitlyDenied),
                assume(roles, "another account's forwarding rule", "deletion-guard-event-forwarding", "events.amazonaws.com",
                        LOG_ARCHIVE, forwardingRule.replace(PAYMENTS, LOG_ARCHIVE), ImplicitlyDenied),
                assume(roles, "remediation rule assumes the forwarding role", "deletion-guard-event-forwarding",
                        "events.amazonaws.com", PAYMENTS, remediationRule, ImplicitlyDenied),
                assume(roles, "remediation rule assumes the trigger role", "deletion-guard-remediation-trigger",
                        "events.amazonaws.com", PAYMENTS, remediationRule, Allowed),
                assume(roles, "forwarding rule assumes the trigger role", "deletion-guard-remediation-trigger",
                        "events.amazonaws.com", PAYMENTS, forwardingRule, ImplicitlyDenied),
                assume(roles, "an Automation of the account assumes the automation role", "deletion-guard-remediation-automation",
                        "ssm.amazonaws.com", PAYMENTS, execution, Allowed),
                assume(roles, "another account's Automation", "deletion-guard-remediation-automation", "ssm.amazonaws.com",
                        LOG_ARCHIVE, execution.replace(PAYMENTS, LOG_ARCHIVE), ImplicitlyDenied),
                assume(roles, "EventBridge assumes the automation role", "deletion-guard-remediation-automation",
                        "events.amazonaws.com", PAYMENTS, remediationRule, ImplicitlyDenied)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void eachRoleMayDoItsOneJobAndNothingElse(Engine engine) {
        Map<String, JsonObject> roles = ROLES.get(engine);
        Map<String, String> inRegion = Map.of("aws:RequestedRegion", "us-east-1");
        assertDecisions(List.of(
                act(roles, "automation role cancels a key deletion", AUTOMATION_ROLE, "kms:CancelKeyDeletion", KEY, KEY_POLICY, Map.of(), Allowed),
                act(roles, "automation role enables a key", AUTOMATION_ROLE, "kms:EnableKey", KEY, KEY_POLICY, Map.of(), Allowed),
                act(roles, "automation role schedules a key deletion", AUTOMATION_ROLE, "kms:ScheduleKeyDeletion", KEY, KEY_POLICY,
                        Map.of(), ImplicitlyDenied),
                act(roles, "automation role disables a key", AUTOMATION_ROLE, "kms:DisableKey", KEY, KEY_POLICY, Map.of(), ImplicitlyDenied),
                act(roles, "automation role cancels a deletion in another region", AUTOMATION_ROLE, "kms:CancelKeyDeletion",
                        KEY.replace("us-east-1", "ap-south-1"), KEY_POLICY, Map.of(), ImplicitlyDenied),
                act(roles, "automation role restores a secret", AUTOMATION_ROLE, "secretsmanager:RestoreSecret", SECRET, null,
                        Map.of(), Allowed),
                act(roles, "automation role deletes a secret", AUTOMATION_ROLE, "secretsmanager:DeleteSecret", SECRET, null,
                        Map.of(), ImplicitlyDenied),
                act(roles, "automation role reads a secret", AUTOMATION_ROLE, "secretsmanager:GetSecretValue", SECRET, null,
                        Map.of(), ImplicitlyDenied),
                act(roles, "automation role reads event history in the account's region", AUTOMATION_ROLE,
                        "cloudtrail:LookupEvents", "*", PAYMENTS, inRegion, Allowed),
                act(roles, "automation role reads event history elsewhere", AUTOMATION_ROLE, "cloudtrail:LookupEvents", "*",
                        PAYMENTS, Map.of("aws:RequestedRegion", "ap-south-1"), ImplicitlyDenied),
                act(roles, "trigger role starts the remediation document", TRIGGER_ROLE, "ssm:StartAutomationExecution",
                        "arn:aws:ssm:us-east-1:" + PAYMENTS + ":automation-definition/deletion-guard-remediate-deletion:$DEFAULT",
                        null, Map.of(), Allowed),
                act(roles, "trigger role starts another document", TRIGGER_ROLE, "ssm:StartAutomationExecution",
                        "arn:aws:ssm:us-east-1:" + PAYMENTS + ":automation-definition/AWS-DeleteSnapshot:$DEFAULT",
                        null, Map.of(), ImplicitlyDenied),
                act(roles, "trigger role passes the automation role to Systems Manager", TRIGGER_ROLE, "iam:PassRole",
                        AUTOMATION_ROLE, null, Map.of("iam:PassedToService", "ssm.amazonaws.com"), Allowed),
                act(roles, "trigger role passes the automation role to Lambda", TRIGGER_ROLE, "iam:PassRole",
                        AUTOMATION_ROLE, null, Map.of("iam:PassedToService", "lambda.amazonaws.com"), ImplicitlyDenied),
                act(roles, "trigger role passes another role", TRIGGER_ROLE, "iam:PassRole", role(PAYMENTS, "Admin"), null,
                        Map.of("iam:PassedToService", "ssm.amazonaws.com"), ImplicitlyDenied),
                act(roles, "forwarding role puts events on another bus", FORWARDING_ROLE, "events:PutEvents",
                        "arn:aws:events:us-east-1:" + PAYMENTS + ":event-bus/default", null, Map.of(), ImplicitlyDenied)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theCentralBusAdmitsOnlyForwardingRolesOfTheOrganization(Engine engine) {
        Map<String, JsonObject> roles = ROLES.get(engine);
        JsonObject forwardingPermissions = inlinePolicy(roles, "deletion-guard-event-forwarding", "put-events-on-central-bus");
        assertDecisions(List.of(
                putEvents("a member's forwarding role", FORWARDING_ROLE, forwardingPermissions, ORGANIZATION, Allowed),
                putEvents("another role of a member, allowed everything", role(PAYMENTS, "Admin"), ALLOW_EVERYTHING,
                        ORGANIZATION, ImplicitlyDenied),
                putEvents("a forwarding role outside the organization", role("999999999999", "deletion-guard-event-forwarding"),
                        forwardingPermissions, "o-0therorg000", ImplicitlyDenied)));
    }

    @Test
    void theHubTopicAdmitsTheCentralRulesAndStillTheGuardAlarms() {
        String centralRule = "arn:aws:events:eu-central-1:" + SECURITY + ":rule/deletion-guard-deletion-events/deletion-guard-notify-key-deletion";
        assertDecisions(List.of(
                publish("a central rule", "events.amazonaws.com", SECURITY, centralRule, Allowed),
                publish("a rule of the central bus that is not ours", "events.amazonaws.com", SECURITY,
                        centralRule.replace("notify-key-deletion", "notify-everything"), ImplicitlyDenied),
                publish("a member account's rule", "events.amazonaws.com", PAYMENTS,
                        "arn:aws:events:eu-central-1:" + PAYMENTS + ":rule/deletion-guard-notify-key-deletion", ImplicitlyDenied),
                publish("a guard alarm", "cloudwatch.amazonaws.com", PAYMENTS,
                        "arn:aws:cloudwatch:eu-central-1:" + PAYMENTS + ":alarm:deletion-guard-kms-errors", Allowed)));
    }

    private record Expected(Case testCase, Decision decision) {
    }

    private static void assertDecisions(List<Expected> cases) {
        Map<String, Decision> expected = new LinkedHashMap<>();
        List<Case> toDecide = new ArrayList<>();
        cases.forEach(item -> {
            expected.put(item.testCase().name(), item.decision());
            toDecide.add(item.testCase());
        });
        assertEquals(expected, IamSimulator.decisions(toDecide));
    }

    private static Expected assume(Map<String, JsonObject> roles, String name, String roleName, String service, String sourceAccount, String sourceArn,
                                   Decision decision) {
        JsonObject trust = json(roles.get(roleName).get("assumeRolePolicy").getAsString());
        return new Expected(new Case(name, List.of(), List.of(), trust, new Request(service, "sts:AssumeRole",
                role(PAYMENTS, roleName), Map.of("aws:SourceAccount", sourceAccount, "aws:SourceArn", sourceArn))), decision);
    }

    private static Expected act(Map<String, JsonObject> roles, String name, String principal, String action, String resource, Object resourcePolicyOrAccount,
                                Map<String, String> context, Decision decision) {
        String roleName = principal.substring(principal.lastIndexOf('/') + 1);
        List<JsonObject> identity = roles.get(roleName).getAsJsonArray("inlinePolicies").asList().stream()
                .map(policy -> json(policy.getAsJsonObject().get("policy").getAsString())).toList();
        Request request = resourcePolicyOrAccount instanceof String account
                ? new Request(principal, action, resource, account, context)
                : new Request(principal, action, resource, context);
        JsonObject resourcePolicy = resourcePolicyOrAccount instanceof JsonObject policy ? policy : null;
        return new Expected(new Case(name, identity, List.of(), resourcePolicy, request), decision);
    }

    private static Expected putEvents(String name, String principal, JsonObject identityPolicy, String organization,
                                      Decision decision) {
        return new Expected(new Case(name, List.of(identityPolicy), List.of(), busPolicy, new Request(principal,
                "events:PutEvents", BUS, Map.of("aws:PrincipalOrgID", organization))), decision);
    }

    private static Expected publish(String name, String service, String sourceAccount, String sourceArn, Decision decision) {
        return new Expected(new Case(name, List.of(), List.of(), topicPolicy, new Request(service, "sns:Publish", TOPIC,
                Map.of("aws:SourceAccount", sourceAccount, "aws:SourceArn", sourceArn))), decision);
    }

    private static JsonObject inlinePolicy(Map<String, JsonObject> roles, String roleName, String policyName) {
        for (JsonElement policy : roles.get(roleName).getAsJsonArray("inlinePolicies")) {
            if (policy.getAsJsonObject().get("name").getAsString().equals(policyName)) {
                return json(policy.getAsJsonObject().get("policy").getAsString());
            }
        }
        throw new AssertionError(roleName + " has no inline policy " + policyName);
    }

    private static String role(String account, String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
