package io.github.deletionguard.operate.status;

import io.github.deletionguard.operate.Commands.Run;
import io.github.deletionguard.operate.RecordedAws;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.github.deletionguard.operate.Commands.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every status check passing, failing and erroring (the AWS call itself fails) over recorded
 * responses of the prod stack's accounts, through the command as a schedule runs it.
 */
class StatusTest {
    private static final String HUB = "222222222222/eu-central-1";
    private static final String PAYMENTS_US = "444444444444/us-east-1";
    private static final String ORGANIZATION_ALARMS = "111111111111/eu-central-1";
    private static final String MANAGEMENT = "111111111111";

    private static Run status(RecordedAws aws) {
        return run(aws, "status", "prod");
    }

    private static String subscriptions(String... emails) {
        StringBuilder members = new StringBuilder();
        for (String email : emails) {
            members.append("<member><TopicArn>arn:aws:sns:{region}:222222222222:deletion-guard-notifications</TopicArn>"
                    + "<Protocol>email</Protocol><SubscriptionArn>arn:aws:sns:{region}:222222222222:deletion-guard-notifications:"
                    + "6b0e71bd-7e97-4d97-80ce-4a0994e55286</SubscriptionArn><Owner>222222222222</Owner><Endpoint>")
                    .append(email).append("</Endpoint></member>");
        }
        return "<ListSubscriptionsByTopicResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><ListSubscriptionsByTopicResult>"
                + "<Subscriptions>" + members + "</Subscriptions></ListSubscriptionsByTopicResult>"
                + "<ResponseMetadata><RequestId>384ac68d-3775-11df-8963-01868b7c937a</RequestId></ResponseMetadata>"
                + "</ListSubscriptionsByTopicResponse>";
    }

    @Test
    void prodDeliversEverywhereAndExitsZero() {
        Run run = status(new RecordedAws("prod")).everyCallRecorded().exits(0);
        assertEquals(0, run.count("FAIL", "") + run.count("ERROR", ""), run.out());
    }

    @Nested
    class Subscription {
        @Test
        void passesWhereConfirmedWithAuthentication() {
            status(new RecordedAws("prod")).line("PASS", "subscription", "222222222222/eu-west-1", "secops@example.com confirmed with authentication");
        }

        @Test
        void failsOnAPendingConfirmationAndSaysHowToConfirmWithAuthentication() {
            Run run = status(new RecordedAws("pending-subscription", "prod")).exits(1);
            assertTrue(run.fixOf("FAIL", "subscription", HUB, "platform-oncall@example.com has not confirmed its subscription:")
                    .contains("--authenticate-on-unsubscribe true"));
        }

        /** The home region's notices topic is checked like the hub: approvals' notices reach only confirmed addresses. */
        @Test
        void checksTheNoticesTopicInTheHomeRegionToo() {
            Run run = status(new RecordedAws("pending-subscription", "prod")).exits(1);
            assertTrue(run.fixOf("FAIL", "subscription", HUB,
                    "platform-oncall@example.com has not confirmed its subscription (notices topic)")
                    .contains("--topic-arn arn:aws:sns:eu-central-1:222222222222:deletion-guard-notices"));
            run.line("PASS", "subscription", HUB, "secops@example.com confirmed with authentication (notices topic)");
        }

        @Test
        void failsOnAnAddressThatIsNotSubscribed() {
            status(new RecordedAws("prod").answering("sns", "ListSubscriptionsByTopic", subscriptions("secops@example.com")))
                    .exits(1).line("FAIL", "subscription", HUB,
                            "platform-oncall@example.com is not subscribed to arn:aws:sns:eu-central-1:222222222222:deletion-guard-notifications");
        }

        @Test
        void warnsOnAConfirmationThroughTheMailLinkWithoutFailing() {
            Run run = status(new RecordedAws("prod").answering("sns", "GetSubscriptionAttributes",
                    "<GetSubscriptionAttributesResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><GetSubscriptionAttributesResult>"
                            + "<Attributes><entry><key>ConfirmationWasAuthenticated</key><value>false</value></entry></Attributes>"
                            + "</GetSubscriptionAttributesResult></GetSubscriptionAttributesResponse>"));
            run.line("WARN", "subscription", HUB, "secops@example.com confirmed through the mail link:");
            run.exits(0);
        }

        @Test
        void errsWhenTheTopicCannotBeRead() {
            status(new RecordedAws("prod").failing("sns", "ListSubscriptionsByTopic", "AuthorizationError"))
                    .exits(1).line("ERROR", "subscription", HUB, "cannot read arn:aws:sns:eu-central-1:222222222222:deletion-guard-notifications");
        }
    }

    @Nested
    class Alarm {
        @Test
        void passesWhereEachAlarmIsOkAndNotifiesTheHub() {
            status(new RecordedAws("prod")).line("PASS", "alarm", ORGANIZATION_ALARMS, "deletion-guard-kms-errors is OK and notifies the hub");
        }

        @Test
        void failsOnAnAlarmThatDoesNotExist() {
            status(new RecordedAws("prod").answering("monitoring", "DescribeAlarms",
                    "<DescribeAlarmsResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><DescribeAlarmsResult>"
                            + "<MetricAlarms/></DescribeAlarmsResult></DescribeAlarmsResponse>"))
                    .exits(1).line("FAIL", "alarm", ORGANIZATION_ALARMS, "deletion-guard-kms-errors does not exist");
        }

        @Test
        void failsOnAnAlarmWithItsActionsDisabled() {
            status(new RecordedAws("alarm-actions-disabled", "prod")).exits(1)
                    .line("FAIL", "alarm", ORGANIZATION_ALARMS, "deletion-guard-kms-key-pending-deletion-use does not notify", "actions enabled: false");
        }

        @Test
        void warnsOnAnAlarmStuckInAlarmThatWouldStaySilent() {
            Run run = status(new RecordedAws("alarm-in-alarm", "prod"));
            assertTrue(run.lines("WARN", "alarm", ORGANIZATION_ALARMS).stream().anyMatch(line -> line.contains("CloudWatch notifies only on a change")), run.out());
        }

        @Test
        void errsWhenAlarmsCannotBeRead() {
            status(new RecordedAws("prod").failing("monitoring", "DescribeAlarms", "AccessDenied"))
                    .exits(1).line("ERROR", "alarm", ORGANIZATION_ALARMS, "AccessDenied");
        }
    }

    @Nested
    class Rule {
        @Test
        void passesWhereEnabledWithoutFailedInvocations() {
            status(new RecordedAws("prod")).line("PASS", "rule", HUB, "deletion-guard-notify-remediation-result is enabled");
        }

        @Test
        void failsOnADisabledRule() {
            status(new RecordedAws("rule-disabled", "prod")).exits(1)
                    .line("FAIL", "rule", PAYMENTS_US, "deletion-guard-forward-deletion-events is DISABLED");
        }

        @Test
        void failsOnFailedInvocationsInTheLastDay() {
            Run run = status(new RecordedAws("failed-invocations", "prod")).exits(1);
            run.line("FAIL", "rule", PAYMENTS_US, "deletion-guard-forward-deletion-events is enabled but failed 3 invocations");
            // The central rules are counted on the central bus.
            assertTrue(run.aws().calls("monitoring", "GetMetricStatistics").stream().anyMatch(call ->
                    call.parameters().getOrDefault("Dimensions.member.1.Value", "").equals("deletion-guard-deletion-events")));
        }

        @Test
        void failsOnARuleThatDoesNotExist() {
            status(new RecordedAws("prod").failing("events", "DescribeRule", "ResourceNotFoundException"))
                    .exits(1).line("FAIL", "rule", PAYMENTS_US, "deletion-guard-remediate-deletion does not exist");
        }

        @Test
        void errsWhenRulesCannotBeRead() {
            status(new RecordedAws("prod").failing("events", "DescribeRule", "AccessDeniedException"))
                    .exits(1).line("ERROR", "rule", PAYMENTS_US, "deletion-guard-forward-deletion-events", "AccessDeniedException");
        }
    }

    @Nested
    class RemediationExecutions {
        @Test
        void passesOnSuccessfulExecutionsOfTheLastWeek() {
            Run run = status(new RecordedAws("prod"));
            run.line("PASS", "remediation-executions", PAYMENTS_US, "1 executions in the last 7 days {Success=1}");
            assertTrue(run.aws().calls("ssm", "DescribeAutomationExecutions").get(0).body().contains("2026-11-25T08:00:00Z"),
                    "executions since seven days before now");
        }

        @Test
        void warnsOnAFailedExecution() {
            Run run = status(new RecordedAws("prod").answering("ssm", "DescribeAutomationExecutions",
                    "{\"AutomationExecutionMetadataList\":[{\"AutomationExecutionId\":\"e-1\",\"AutomationExecutionStatus\":\"Success\"},"
                            + "{\"AutomationExecutionId\":\"e-2\",\"AutomationExecutionStatus\":\"Failed\"}]}"));
            assertTrue(run.fixOf("WARN", "remediation-executions", PAYMENTS_US, "{Failed=1, Success=1}; unsuccessful: [e-2]")
                    .contains("needs a person now"));
        }

        @Test
        void errsWhenExecutionsCannotBeRead() {
            status(new RecordedAws("prod").failing("ssm", "DescribeAutomationExecutions", "AccessDeniedException"))
                    .exits(1).line("ERROR", "remediation-executions", PAYMENTS_US, "AccessDeniedException");
        }
    }

    @Nested
    class OrganizationPolicies {
        @Test
        void passWhereTheScpAndTheRcpAreAttached() {
            Run run = status(new RecordedAws("prod"));
            run.line("PASS", "scp-attached", MANAGEMENT, "deletion-guard-deny-key-and-secret-deletion attached to r-pr0d");
            run.line("PASS", "rcp-attached", MANAGEMENT, "deletion-guard-protect-keys-and-secrets attached to r-pr0d");
        }

        @Test
        void failWhereTheScpWasDetached() {
            status(new RecordedAws("scp-detached", "prod")).exits(1)
                    .line("FAIL", "scp-attached", MANAGEMENT, "SCP deletion-guard-deny-key-and-secret-deletion not attached to r-pr0d");
        }

        @Test
        void failWhereTheRcpWasDetached() {
            Run run = status(new RecordedAws("rcp-detached", "prod")).exits(1);
            run.line("FAIL", "rcp-attached", MANAGEMENT, "RCP deletion-guard-protect-keys-and-secrets not attached to r-pr0d");
            run.line("PASS", "scp-attached", MANAGEMENT);
        }

        @Test
        void errWhenPoliciesCannotBeRead() {
            Run run = status(new RecordedAws("prod").failing("organizations", "ListPoliciesForTarget", "AccessDeniedException")).exits(1);
            run.line("ERROR", "scp-attached", MANAGEMENT, "AccessDeniedException");
            run.line("ERROR", "rcp-attached", MANAGEMENT, "AccessDeniedException");
        }
    }

    @Test
    void anUnreachableAccountIsReportedAndTheOthersStillChecked() {
        Run run = status(new RecordedAws("unreachable", "prod")).exits(1);
        assertTrue(run.count("ERROR", "status") >= 1, run.out());
        assertTrue(run.lines("ERROR", "status", "055555555555/eu-west-1").get(0).contains("cannot assume the access role"), run.out());
        run.line("PASS", "rule", PAYMENTS_US, "deletion-guard-forward-deletion-events");
    }
}
