package io.github.deletionguard.prevention;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.IamSimulator;
import io.github.deletionguard.testing.IamSimulator.Case;
import io.github.deletionguard.testing.IamSimulator.Decision;
import io.github.deletionguard.testing.IamSimulator.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.deletionguard.testing.IamSimulator.fullAwsAccess;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the deployed SCP allows, decided by {@code @cloud-copilot/iam-simulate} rather than by
 * reading our own JSON: every principal may do anything by its identity policy, so the SCP (with
 * FullAWSAccess beside it, as in a real organization) is all that decides. The document is the one
 * each stack file registers under the mock engine, exactly as AWS would receive it.
 */
class ServiceControlPolicyDecisionTest {
    /** data-prod in Pulumi.prod.yaml: a member account with a CloudTrail log group of its own. */
    private static final String ACCOUNT = "055555555555";
    private static final String REGION = "eu-west-1";
    private static final String KEY = "arn:aws:kms:" + REGION + ":" + ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String SECRET = "arn:aws:secretsmanager:" + REGION + ":" + ACCOUNT + ":secret:payments-db-AbCdEf";
    private static final Decision ALLOW = Decision.Allowed;
    private static final Decision DENY = Decision.ExplicitlyDenied;

    private static final JsonObject MAY_DO_ANYTHING = json("""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""");
    /** The usual first statement of a key policy, so the account's identity policies count for the key. */
    private static final JsonObject KEY_POLICY = json("""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
             "Principal": {"AWS": "arn:aws:iam::055555555555:root"}, "Action": "kms:*", "Resource": "*"}]}""");

    /** Who calls; {@code context} carries what AWS would put in the request about the caller. */
    private record Principal(String label, String arn, Map<String, String> context) {
        static Principal role(String label, String pathAndName) {
            return new Principal(label, "arn:aws:iam::" + ACCOUNT + ":role" + pathAndName, Map.of());
        }
    }

    /** What is called, on which resource, with the request's own condition keys. */
    private record Call(String label, String action, String resource, Map<String, String> context) {
    }

    private static final Principal BREAK_GLASS = Principal.role("break-glass role", "/BreakGlassAdmin");
    private static final Principal BREAK_GLASS_WITH_PATH =
            Principal.role("break-glass role with a path", "/emergency/IncidentResponder");
    // Assumed-role session ARNs drop the role's path; AWS still puts the full role ARN in aws:PrincipalArn.
    private static final Principal BREAK_GLASS_SESSION = new Principal("break-glass session",
            "arn:aws:sts::" + ACCOUNT + ":assumed-role/IncidentResponder/alice",
            Map.of("aws:PrincipalArn", BREAK_GLASS_WITH_PATH.arn(), "aws:PrincipalAccount", ACCOUNT));
    private static final Principal LOOK_ALIKE = Principal.role("role named like break-glass", "/BreakGlassAdminTemp");
    private static final Principal WRONG_PATH = Principal.role("break-glass name on another path", "/other/BreakGlassAdmin");
    private static final Principal ADMIN = Principal.role("ordinary admin", "/Admin");
    // The root user has every permission without policies; an allow-all identity policy stands in for that.
    private static final Principal ACCOUNT_ROOT = new Principal("member account root", "arn:aws:iam::" + ACCOUNT + ":root",
            Map.of("aws:PrincipalArn", "arn:aws:iam::" + ACCOUNT + ":root", "aws:PrincipalAccount", ACCOUNT));
    private static final Principal DEPLOYMENT = Principal.role("deployment role", "/OrganizationAccountAccessRole");

    private static final List<Call> CALLS = List.of(
            new Call("schedule key deletion, 7 days", "kms:ScheduleKeyDeletion", KEY,
                    Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", "7")),
            new Call("schedule key deletion, 30 days", "kms:ScheduleKeyDeletion", KEY,
                    Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", "30")),
            // Without a window KMS takes 30 days, and the request carries no window key.
            new Call("schedule key deletion, default window", "kms:ScheduleKeyDeletion", KEY, Map.of()),
            new Call("delete secret, 30-day recovery", "secretsmanager:DeleteSecret", SECRET,
                    Map.of("secretsmanager:RecoveryWindowInDays", "30")),
            new Call("delete secret, 7-day recovery", "secretsmanager:DeleteSecret", SECRET,
                    Map.of("secretsmanager:RecoveryWindowInDays", "7")),
            new Call("force-delete secret", "secretsmanager:DeleteSecret", SECRET,
                    Map.of("secretsmanager:ForceDeleteWithoutRecovery", "true")),
            new Call("disable key", "kms:DisableKey", KEY, Map.of()),
            new Call("delete imported key material", "kms:DeleteImportedKeyMaterial", KEY, Map.of()),
            new Call("decrypt", "kms:Decrypt", KEY, Map.of()),
            new Call("delete a guardrail rule", "events:DeleteRule",
                    "arn:aws:events:" + REGION + ":" + ACCOUNT + ":rule/deletion-guard-key-deletion", Map.of()),
            new Call("retarget a guardrail rule on a custom bus", "events:PutTargets",
                    "arn:aws:events:" + REGION + ":" + ACCOUNT + ":rule/deletion-guard-bus/deletion-guard-forward", Map.of()),
            new Call("silence a guardrail alarm", "cloudwatch:DisableAlarmActions",
                    "arn:aws:cloudwatch:" + REGION + ":" + ACCOUNT + ":alarm:deletion-guard-kms-key-deletion-attempt", Map.of()),
            // Found by its tag alone: the name does not start with the prefix.
            new Call("delete a tagged guardrail alarm", "cloudwatch:DeleteAlarms",
                    "arn:aws:cloudwatch:" + REGION + ":" + ACCOUNT + ":alarm:key-deletion", Map.of("aws:ResourceTag/ManagedBy", "deletion-guard")),
            new Call("delete the trail's metric filter", "logs:DeleteMetricFilter",
                    "arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:legacy-account-trail", Map.of()),
            new Call("loosen a guardrail role's trust", "iam:UpdateAssumeRolePolicy",
                    "arn:aws:iam::" + ACCOUNT + ":role/deletion-guard-remediation", Map.of()),
            new Call("stop the trail", "cloudtrail:StopLogging",
                    "arn:aws:cloudtrail:" + REGION + ":" + ACCOUNT + ":trail/legacy-account-trail", Map.of()),
            new Call("delete another team's rule", "events:DeleteRule",
                    "arn:aws:events:" + REGION + ":" + ACCOUNT + ":rule/team-nightly-report", Map.of()));

    /** The expected decision per call, in the order of {@link #CALLS}. */
    private static final List<Decision> BREAK_GLASS_MAY = List.of(
            DENY, ALLOW, ALLOW, ALLOW, DENY, DENY, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW);
    private static final List<Decision> DEPLOYMENT_ROLE_MAY = List.of(
            DENY, DENY, DENY, DENY, DENY, DENY, DENY, DENY, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW, ALLOW);
    private static final List<Decision> EVERYONE_ELSE_MAY = List.of(
            DENY, DENY, DENY, DENY, DENY, DENY, DENY, DENY, ALLOW, DENY, DENY, DENY, DENY, DENY, DENY, DENY, ALLOW);

    @Test
    void prodMatrixOfPrincipalsAndCalls() {
        Map<Principal, List<Decision>> expected = new LinkedHashMap<>();
        expected.put(BREAK_GLASS, BREAK_GLASS_MAY);
        expected.put(BREAK_GLASS_WITH_PATH, BREAK_GLASS_MAY);
        expected.put(BREAK_GLASS_SESSION, BREAK_GLASS_MAY);
        expected.put(LOOK_ALIKE, EVERYONE_ELSE_MAY);
        expected.put(WRONG_PATH, EVERYONE_ELSE_MAY);
        expected.put(ADMIN, EVERYONE_ELSE_MAY);
        expected.put(ACCOUNT_ROOT, EVERYONE_ELSE_MAY);
        expected.put(DEPLOYMENT, DEPLOYMENT_ROLE_MAY);

        assertMatrix(registeredDocument("prod"), expected, CALLS);
    }

    /**
     * Staging's document differs from prod's only in the log groups it names: staging's one log
     * group is in the management account, which no SCP binds, so its document leaves log groups out.
     */
    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod"})
    void keysAndSecretsAreDecidedAlikeInEveryStack(String stack) {
        List<Call> keyAndSecretCalls = CALLS.subList(0, 9);
        Map<Principal, List<Decision>> expected = new LinkedHashMap<>();
        expected.put(BREAK_GLASS_WITH_PATH, BREAK_GLASS_MAY.subList(0, 9));
        expected.put(LOOK_ALIKE, EVERYONE_ELSE_MAY.subList(0, 9));
        expected.put(DEPLOYMENT, DEPLOYMENT_ROLE_MAY.subList(0, 9));

        assertMatrix(registeredDocument(stack), expected, keyAndSecretCalls);
    }

    @Test
    void stagingLeavesLogGroupsOfMemberAccountsAlone() {
        Call deleteFilter = CALLS.stream().filter(call -> call.action().equals("logs:DeleteMetricFilter")).findFirst().orElseThrow();

        assertMatrix(registeredDocument("staging"), Map.of(ADMIN, List.of(ALLOW)), List.of(deleteFilter));
    }

    private static void assertMatrix(JsonObject scp, Map<Principal, List<Decision>> expected, List<Call> calls) {
        List<Case> cases = new ArrayList<>();
        Map<String, Decision> expectedByCase = new LinkedHashMap<>();
        expected.forEach((principal, decisions) -> {
            assertEquals(calls.size(), decisions.size(), "one expectation per call for " + principal.label());
            for (int i = 0; i < calls.size(); i++) {
                Call call = calls.get(i);
                String name = principal.label() + " / " + call.label();
                Map<String, String> context = new HashMap<>(principal.context());
                context.putAll(call.context());
                cases.add(new Case(name, List.of(MAY_DO_ANYTHING), List.of(fullAwsAccess(), scp),
                        call.action().startsWith("kms:") ? KEY_POLICY : null,
                        new Request(principal.arn(), call.action(), call.resource(), context)));
                expectedByCase.put(name, decisions.get(i));
            }
        });

        assertEquals(expectedByCase, IamSimulator.decisions(cases));
    }

    private static JsonObject registeredDocument(String stack) {
        List<PlannedResource> policies = Deployments.ofType(Deployments.ofStackFile(stack), "aws:organizations/policy:Policy");
        assertEquals(1, policies.size(), "one SCP in " + stack);
        return json(policies.get(0).input("content"));
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
