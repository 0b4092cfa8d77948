package io.github.deletionguard.detection;

import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.RoleDecisions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.github.deletionguard.testing.IamSimulator.Decision.Allowed;
import static io.github.deletionguard.testing.IamSimulator.Decision.ImplicitlyDenied;
import static io.github.deletionguard.testing.RoleDecisions.assertDecisions;
import static io.github.deletionguard.testing.RoleDecisions.role;

/**
 * The summary Automation's roles as the staging stack file deploys them in its security account,
 * decided by iam-simulate: only the security account's own rules start it, only its own
 * Automations run as its role, and that role queries only the summarized log groups and publishes
 * only to the notices topic.
 */
class SummaryPolicyDecisionsTest {
    private static final String SECURITY = "220000000002";
    private static final String PAYMENTS = "230000000003";
    private static final String REGION = "eu-central-1";
    private static final String AUTOMATION_ROLE = role(SECURITY, "deletion-guard-summary-automation");
    private static final String TRIGGER_ROLE = role(SECURITY, "deletion-guard-summary-trigger");
    private static final String EPHEMERAL_EVENTS = "arn:aws:logs:" + REGION + ":" + SECURITY
            + ":log-group:/aws/events/deletion-guard-ephemeral-events";

    private static RoleDecisions security() {
        return RoleDecisions.of(Deployments.ofStackFile("staging"), SECURITY);
    }

    @Test
    void onlyTheSecurityAccountsOwnRulesAndAutomationsAssumeTheRoles() {
        RoleDecisions security = security();
        String schedule = "arn:aws:events:" + REGION + ":" + SECURITY + ":rule/deletion-guard-ephemeral-digest";
        String centralRule = "arn:aws:events:" + REGION + ":" + SECURITY + ":rule/deletion-guard-deletion-events/deletion-guard-log-ephemeral-events";
        String execution = "arn:aws:ssm:" + REGION + ":" + SECURITY + ":automation-execution/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
        assertDecisions("summary role trust", List.of(
                security.assume("the digest's schedule assumes the trigger role", "deletion-guard-summary-trigger",
                        "events.amazonaws.com", SECURITY, schedule, Allowed),
                security.assume("a rule of the program on the central bus", "deletion-guard-summary-trigger",
                        "events.amazonaws.com", SECURITY, centralRule, Allowed),
                security.assume("a rule not named by the program", "deletion-guard-summary-trigger",
                        "events.amazonaws.com", SECURITY, schedule.replace("deletion-guard-ephemeral-digest", "nightly-cleanup"),
                        ImplicitlyDenied),
                security.assume("the same rule name in another account", "deletion-guard-summary-trigger",
                        "events.amazonaws.com", PAYMENTS, schedule.replace(SECURITY, PAYMENTS), ImplicitlyDenied),
                security.assume("the same rule name in another region", "deletion-guard-summary-trigger",
                        "events.amazonaws.com", SECURITY, schedule.replace(REGION, "eu-west-1"), ImplicitlyDenied),
                security.assume("an Automation of the security account assumes the summary role",
                        "deletion-guard-summary-automation", "ssm.amazonaws.com", SECURITY, execution, Allowed),
                security.assume("another account's Automation", "deletion-guard-summary-automation", "ssm.amazonaws.com",
                        PAYMENTS, execution.replace(SECURITY, PAYMENTS), ImplicitlyDenied),
                security.assume("EventBridge assumes the summary role", "deletion-guard-summary-automation",
                        "events.amazonaws.com", SECURITY, schedule, ImplicitlyDenied)));
    }

    @Test
    void eachRoleMayDoItsOneJobAndNothingElse() {
        RoleDecisions security = security();
        String notices = "arn:aws:sns:" + REGION + ":" + SECURITY + ":deletion-guard-notices";
        assertDecisions("summary role permissions", List.of(
                security.act("summary role queries the ephemeral events", AUTOMATION_ROLE, "logs:StartQuery",
                        EPHEMERAL_EVENTS, SECURITY, Map.of(), Allowed),
                security.act("summary role queries another log group", AUTOMATION_ROLE, "logs:StartQuery",
                        "arn:aws:logs:" + REGION + ":" + SECURITY + ":log-group:/aws/lambda/payments-api", SECURITY,
                        Map.of(), ImplicitlyDenied),
                security.act("summary role queries a log group of the same name elsewhere", AUTOMATION_ROLE,
                        "logs:StartQuery", EPHEMERAL_EVENTS.replace(REGION, "eu-west-1"), SECURITY, Map.of(),
                        ImplicitlyDenied),
                security.act("summary role reads a query's results", AUTOMATION_ROLE, "logs:GetQueryResults", "*", SECURITY,
                        Map.of(), Allowed),
                security.act("summary role stops a query", AUTOMATION_ROLE, "logs:StopQuery", "*", SECURITY, Map.of(), Allowed),
                security.act("summary role reads the log events themselves", AUTOMATION_ROLE, "logs:GetLogEvents",
                        EPHEMERAL_EVENTS + ":log-stream:any", SECURITY, Map.of(), ImplicitlyDenied),
                security.act("summary role deletes the log group", AUTOMATION_ROLE, "logs:DeleteLogGroup",
                        EPHEMERAL_EVENTS, SECURITY, Map.of(), ImplicitlyDenied),
                security.act("summary role publishes to the notices topic", AUTOMATION_ROLE, "sns:Publish", notices, SECURITY,
                        Map.of(), Allowed),
                security.act("summary role publishes to the paging topic", AUTOMATION_ROLE, "sns:Publish",
                        notices.replace("deletion-guard-notices", "deletion-guard-notifications"), SECURITY, Map.of(),
                        ImplicitlyDenied),
                security.act("trigger role starts the summary document", TRIGGER_ROLE, "ssm:StartAutomationExecution",
                        "arn:aws:ssm:" + REGION + ":" + SECURITY + ":automation-definition/deletion-guard-summarize-events:$DEFAULT",
                        SECURITY, Map.of(), Allowed),
                security.act("trigger role starts another document", TRIGGER_ROLE, "ssm:StartAutomationExecution",
                        "arn:aws:ssm:" + REGION + ":" + SECURITY + ":automation-definition/AWS-DeleteSnapshot:$DEFAULT",
                        SECURITY, Map.of(), ImplicitlyDenied),
                security.act("trigger role passes the summary role to Systems Manager", TRIGGER_ROLE, "iam:PassRole",
                        AUTOMATION_ROLE, SECURITY, Map.of("iam:PassedToService", "ssm.amazonaws.com"), Allowed),
                security.act("trigger role passes the summary role to Lambda", TRIGGER_ROLE, "iam:PassRole",
                        AUTOMATION_ROLE, SECURITY, Map.of("iam:PassedToService", "lambda.amazonaws.com"), ImplicitlyDenied),
                security.act("trigger role passes another role", TRIGGER_ROLE, "iam:PassRole", role(SECURITY, "Admin"),
                        SECURITY, Map.of("iam:PassedToService", "ssm.amazonaws.com"), ImplicitlyDenied)));
    }
}
