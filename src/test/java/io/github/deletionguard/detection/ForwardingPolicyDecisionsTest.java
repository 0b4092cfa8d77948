package io.github.deletionguard.detection;

import com.google.gson.JsonObject;
import com.pulumi.aws.cloudwatch.EventBusPolicy;
import com.pulumi.aws.sns.TopicPolicy;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.IamSimulator.Case;
import io.github.deletionguard.testing.IamSimulator.Decision;
import io.github.deletionguard.testing.IamSimulator.Request;
import io.github.deletionguard.testing.RoleDecisions;
import io.github.deletionguard.testing.RoleDecisions.Expected;
import org.junit.jupiter.api.BeforeAll;
import io.github.deletionguard.testing.RoleDecisions.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.github.deletionguard.testing.IamSimulator.Decision.Allowed;
import static io.github.deletionguard.testing.IamSimulator.Decision.ImplicitlyDenied;
import static io.github.deletionguard.testing.RoleDecisions.assertDecisions;
import static io.github.deletionguard.testing.RoleDecisions.json;
import static io.github.deletionguard.testing.RoleDecisions.role;

/**
 * The forwarding documents of the prod stack file, decided by iam-simulate rather than read by
 * us: EventBridge may assume the forwarding role only for this account's own forwarding rules,
 * the role may only put events on the central bus, the central bus admits only the forwarding
 * rules of the organization (through their roles), and the hub topic admits only the central rules.
 * The role decisions run on both engines of the member baseline.
 */
class ForwardingPolicyDecisionsTest {
    private static final String ORGANIZATION = "o-pr0dorg7x2k";
    private static final String SECURITY = "222222222222";
    private static final String PAYMENTS = "444444444444";
    private static final String LOG_ARCHIVE = "333333333333";
    private static final String BUS = "arn:aws:events:eu-central-1:" + SECURITY + ":event-bus/deletion-guard-deletion-events";
    private static final String TOPIC = "arn:aws:sns:eu-central-1:" + SECURITY + ":deletion-guard-notifications";
    private static final String FORWARDING_ROLE = role(PAYMENTS, "deletion-guard-event-forwarding");
    private static final JsonObject ALLOW_EVERYTHING = json("""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
            """);

    private static JsonObject busPolicy;
    private static JsonObject topicPolicy;

    @BeforeAll
    static void deployProd() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");
        busPolicy = json(Deployments.ofType(run, EventBusPolicy.class).get(0).input("policy"));
        topicPolicy = json(Deployments.ofType(run, TopicPolicy.class).stream()
                .filter(policy -> policy.provider().orElseThrow().region().equals("eu-central-1"))
                .findFirst().orElseThrow().input("policy"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void eventBridgeAssumesTheForwardingRoleOnlyForThisAccountsOwnForwardingRules(Engine engine) {
        RoleDecisions payments = RoleDecisions.of(engine, PAYMENTS);
        String forwardingRule = "arn:aws:events:us-east-1:" + PAYMENTS + ":rule/deletion-guard-forward-deletion-events";
        String remediationRule = "arn:aws:events:us-east-1:" + PAYMENTS + ":rule/deletion-guard-remediate-deletion";
        assertDecisions("forwarding role trust, " + engine, List.of(
                payments.assume("forwarding rule assumes the forwarding role", "deletion-guard-event-forwarding",
                        "events.amazonaws.com", PAYMENTS, forwardingRule, Allowed),
                payments.assume("forwarding rule of a region the account lacks", "deletion-guard-event-forwarding",
                        "events.amazonaws.com", PAYMENTS, forwardingRule.replace("us-east-1", "ap-south-1"), ImplicitlyDenied),
                payments.assume("another account's forwarding rule", "deletion-guard-event-forwarding", "events.amazonaws.com",
                        LOG_ARCHIVE, forwardingRule.replace(PAYMENTS, LOG_ARCHIVE), ImplicitlyDenied),
                payments.assume("remediation rule assumes the forwarding role", "deletion-guard-event-forwarding",
                        "events.amazonaws.com", PAYMENTS, remediationRule, ImplicitlyDenied)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theForwardingRolePutsEventsOnlyOnTheCentralBus(Engine engine) {
        RoleDecisions payments = RoleDecisions.of(engine, PAYMENTS);
        assertDecisions("forwarding role permissions, " + engine, List.of(
                payments.act("forwarding role puts events on another bus", FORWARDING_ROLE, "events:PutEvents",
                        "arn:aws:events:us-east-1:" + PAYMENTS + ":event-bus/default", null, Map.of(), ImplicitlyDenied)));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theCentralBusAdmitsOnlyTheForwardingRulesOfTheOrganization(Engine engine) {
        RoleDecisions payments = RoleDecisions.of(engine, PAYMENTS);
        JsonObject forwardingPermissions = payments.inlinePolicy("deletion-guard-event-forwarding", "put-events-on-central-bus");
        String deletionRule = "arn:aws:events:eu-west-1:" + PAYMENTS + ":rule/deletion-guard-forward-deletion-events";
        String globalRule = "arn:aws:events:us-east-1:" + PAYMENTS + ":rule/deletion-guard-forward-global-events";
        assertDecisions("central bus policy, " + engine, List.of(
                putEvents("a member's deletion events rule, through its forwarding role", FORWARDING_ROLE,
                        forwardingPermissions, ORGANIZATION, Optional.of(deletionRule), Allowed),
                putEvents("a member's global services rule, through its forwarding role", FORWARDING_ROLE,
                        forwardingPermissions, ORGANIZATION, Optional.of(globalRule), Allowed),
                // A self-made role of the forwarding role's name (or the real one, assumed by a person)
                // calls PutEvents itself: no rule is the source, so it can neither forge nor flood.
                putEvents("the forwarding role's name, called directly", FORWARDING_ROLE, forwardingPermissions,
                        ORGANIZATION, Optional.empty(), ImplicitlyDenied),
                putEvents("the forwarding role's name, for a rule of another name", FORWARDING_ROLE, forwardingPermissions,
                        ORGANIZATION, Optional.of(deletionRule.replace("forward-deletion-events", "flood")), ImplicitlyDenied),
                putEvents("another role of a member, allowed everything, for a forwarding rule", role(PAYMENTS, "Admin"),
                        ALLOW_EVERYTHING, ORGANIZATION, Optional.of(deletionRule), ImplicitlyDenied),
                putEvents("a forwarding role and rule outside the organization", role("999999999999", "deletion-guard-event-forwarding"),
                        forwardingPermissions, "o-0therorg000",
                        Optional.of(deletionRule.replace(PAYMENTS, "999999999999")), ImplicitlyDenied)));
    }

    @Test
    void theHubTopicAdmitsTheCentralRulesAndStillTheGuardAlarms() {
        String centralRule = "arn:aws:events:eu-central-1:" + SECURITY + ":rule/deletion-guard-deletion-events/deletion-guard-notify-key-deletion";
        assertDecisions("hub topic policy, central rules", List.of(
                publish("a central rule", "events.amazonaws.com", SECURITY, centralRule, Allowed),
                publish("a rule of the central bus that is not ours", "events.amazonaws.com", SECURITY,
                        centralRule.replace("notify-key-deletion", "notify-everything"), ImplicitlyDenied),
                publish("a member account's rule", "events.amazonaws.com", PAYMENTS,
                        "arn:aws:events:eu-central-1:" + PAYMENTS + ":rule/deletion-guard-notify-key-deletion", ImplicitlyDenied),
                publish("a guard alarm", "cloudwatch.amazonaws.com", PAYMENTS,
                        "arn:aws:cloudwatch:eu-central-1:" + PAYMENTS + ":alarm:deletion-guard-kms-errors", Allowed)));
    }

    /** @param sourceRule the rule EventBridge delivers for ({@code aws:SourceArn}); absent for a direct call */
    private static Expected putEvents(String name, String principal, JsonObject identityPolicy, String organization,
                                      Optional<String> sourceRule, Decision decision) {
        Map<String, String> context = new TreeMap<>(Map.of("aws:PrincipalOrgID", organization));
        sourceRule.ifPresent(rule -> context.put("aws:SourceArn", rule));
        return new Expected(new Case(name, List.of(identityPolicy), List.of(), busPolicy, new Request(principal,
                "events:PutEvents", BUS, context)), decision);
    }

    private static Expected publish(String name, String service, String sourceAccount, String sourceArn, Decision decision) {
        return new Expected(new Case(name, List.of(), List.of(), topicPolicy, new Request(service, "sns:Publish", TOPIC,
                Map.of("aws:SourceAccount", sourceAccount, "aws:SourceArn", sourceArn))), decision);
    }
}
