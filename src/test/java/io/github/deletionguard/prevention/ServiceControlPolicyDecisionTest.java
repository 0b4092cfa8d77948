package io.github.deletionguard.prevention;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.aws.organizations.Policy;
import io.github.deletionguard.naming.Tags;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.IamSimulator.Case;
import io.github.deletionguard.testing.IamSimulator.Decision;
import io.github.deletionguard.testing.IamSimulator.DecisionTable;
import io.github.deletionguard.testing.IamSimulator.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.github.deletionguard.testing.IamSimulator.fullAwsAccess;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the deployed SCP allows, decided by {@code @cloud-copilot/iam-simulate} rather than by
 * reading our own JSON: every principal may do anything by its identity policy, so the SCP (with
 * FullAWSAccess beside it, as in a real organization) is all that decides. The document is the one
 * each stack file registers under the mock engine, exactly as AWS would receive it, in all its parts.
 *
 * <p>The matrix crosses every principal with every call: each attack path of the prevention issue
 * must be denied to everyone it names, and every legitimate call allowed to whoever needs it.
 */
class ServiceControlPolicyDecisionTest {
    /** data-prod in Pulumi.prod.yaml: a member account with a CloudTrail log group of its own. */
    private static final String MEMBER = "055555555555";
    /** The security account, which holds the central bus and the hub topics. */
    private static final String SECURITY = "222222222222";
    private static final String REGION = "eu-west-1";
    private static final String HOME = "eu-central-1";
    private static final String KEY = "arn:aws:kms:" + REGION + ":" + MEMBER + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String SECRET = "arn:aws:secretsmanager:" + REGION + ":" + MEMBER + ":secret:payments-db-AbCdEf";
    private static final Decision ALLOW = Decision.Allowed;
    private static final Decision DENY = Decision.ExplicitlyDenied;

    private static final JsonObject MAY_DO_ANYTHING = json("""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""");

    private enum Kind { ROLE, SESSION, ROOT }

    /** Who calls, in whichever account the call is made. */
    private record Principal(String label, Kind kind, String pathAndName) {
        static Principal role(String label, String pathAndName) {
            return new Principal(label, Kind.ROLE, pathAndName);
        }

        String arn(String account) {
            return switch (kind) {
                case ROLE -> "arn:aws:iam::" + account + ":role" + pathAndName;
                // Assumed-role session ARNs drop the role's path; AWS still puts the full role ARN in aws:PrincipalArn.
                case SESSION -> "arn:aws:sts::" + account + ":assumed-role/" + pathAndName.substring(pathAndName.lastIndexOf('/') + 1) + "/alice";
                case ROOT -> "arn:aws:iam::" + account + ":root";
            };
        }

        Map<String, String> context(String account) {
            return switch (kind) {
                case ROLE -> Map.of();
                case SESSION -> Map.of("aws:PrincipalArn", "arn:aws:iam::" + account + ":role" + pathAndName,
                        "aws:PrincipalAccount", account);
                case ROOT -> Map.of("aws:PrincipalArn", arn(account), "aws:PrincipalAccount", account);
            };
        }
    }

    private static final Principal BREAK_GLASS = Principal.role("break-glass role", "/BreakGlassAdmin");
    private static final Principal BREAK_GLASS_WITH_PATH = Principal.role("break-glass role with a path", "/emergency/IncidentResponder");
    private static final Principal BREAK_GLASS_SESSION = new Principal("break-glass session", Kind.SESSION, "/emergency/IncidentResponder");
    private static final Principal LOOK_ALIKE = Principal.role("role named like break-glass", "/BreakGlassAdminTemp");
    private static final Principal WRONG_PATH = Principal.role("break-glass name on another path", "/other/BreakGlassAdmin");
    private static final Principal ADMIN = Principal.role("ordinary admin", "/Admin");
    // The root user has every permission without policies; an allow-all identity policy stands in for that.
    private static final Principal ACCOUNT_ROOT = new Principal("account root", Kind.ROOT, "");
    private static final Principal DEPLOYER = Principal.role("deployer", "/OrganizationAccountAccessRole");
    private static final Principal PROVISIONER = Principal.role("provisioner", "/AWSControlTowerExecution");
    private static final Principal TRIGGER = Principal.role("remediation trigger role", "/deletion-guard-remediation-trigger");

    private static final List<Principal> EVERYONE = List.of(BREAK_GLASS, BREAK_GLASS_WITH_PATH, BREAK_GLASS_SESSION,
            LOOK_ALIKE, WRONG_PATH, ADMIN, ACCOUNT_ROOT, DEPLOYER, PROVISIONER, TRIGGER);
    private static final Set<Principal> BREAK_GLASS_ROLES = Set.of(BREAK_GLASS, BREAK_GLASS_WITH_PATH, BREAK_GLASS_SESSION);
    private static final Set<Principal> NOBODY = Set.of();
    private static final Set<Principal> ALL = Set.copyOf(EVERYONE);
    private static final Set<Principal> ONLY_DEPLOYER = Set.of(DEPLOYER);
    private static final Set<Principal> ROLE_PROVISIONERS = Set.of(DEPLOYER, PROVISIONER);

    /**
     * One API call and who may make it: everyone else must be denied.
     *
     * @param account         the account the caller and the resource are in
     * @param resourceAccount for calls whose resource is {@code *}; else null
     */
    private record Call(String label, String action, String resource, String account, String resourceAccount,
                        Map<String, String> context, Set<Principal> allowed) {
        static Call on(String label, String action, String resource, Map<String, String> context, Set<Principal> allowed) {
            return new Call(label, action, resource, MEMBER, null, context, allowed);
        }

        /** A call whose IAM resource is {@code *}, in {@code account}. */
        static Call unscoped(String label, String action, String account, Map<String, String> context, Set<Principal> allowed) {
            return new Call(label, action, "*", account, account, context, allowed);
        }

        static Call inSecurityAccount(String label, String action, String resource, Set<Principal> allowed) {
            return new Call(label, action, resource, SECURITY, null, Map.of(), allowed);
        }
    }

    private static Map<String, String> window(String key, int days) {
        return Map.of(key, Integer.toString(days));
    }

    private static final String KEY_WINDOW = "kms:ScheduleKeyDeletionPendingWindowInDays";
    private static final String SECRET_WINDOW = "secretsmanager:RecoveryWindowInDays";
    private static final String DRILL_TAG = "aws:ResourceTag/" + Tags.DRILL_TAG_KEY;
    private static final Map<String, String> DRILL_RESOURCE = Map.of(DRILL_TAG, Tags.DRILL_TAG_VALUE);

    private static Map<String, String> and(Map<String, String> first, Map<String, String> second) {
        Map<String, String> both = new HashMap<>(first);
        both.putAll(second);
        return both;
    }

    private static Map<String, String> requestTag(String key) {
        return Map.of("aws:RequestTag/" + key, "true", "aws:TagKeys", key);
    }

    private static String rule(String name) {
        return "arn:aws:events:" + REGION + ":" + MEMBER + ":rule/" + name;
    }

    private static String role(String pathAndName) {
        return "arn:aws:iam::" + MEMBER + ":role" + pathAndName;
    }

    private static final String LEGACY_LOG_GROUP = "arn:aws:logs:" + REGION + ":" + MEMBER + ":log-group:legacy-account-trail";
    private static final String CENTRAL_BUS = "arn:aws:events:" + HOME + ":" + SECURITY + ":event-bus/deletion-guard-deletion-events";
    private static final String HUB_TOPIC = "arn:aws:sns:" + HOME + ":" + SECURITY + ":deletion-guard-notifications";
    private static final String STACK_SET = "arn:aws:cloudformation:us-east-1:" + MEMBER
            + ":stackset/deletion-guard-member-baseline:6a1b2c3d-1111-2222-3333-444455556666";
    private static final String STACK_SET_STACK = "arn:aws:cloudformation:" + REGION + ":" + MEMBER
            + ":stack/StackSet-deletion-guard-member-baseline-0f1e2d3c/7b8a9c0d-1111-2222-3333-444455556666";

    private static final List<Call> CALLS = List.of(
            // Deletion, with and without a window.
            Call.on("schedule key deletion, 7 days", "kms:ScheduleKeyDeletion", KEY, window(KEY_WINDOW, 7), NOBODY),
            Call.on("schedule key deletion, 30 days", "kms:ScheduleKeyDeletion", KEY, window(KEY_WINDOW, 30), BREAK_GLASS_ROLES),
            // Without a window KMS takes 30 days, and the request carries no window key.
            Call.on("schedule key deletion, default window", "kms:ScheduleKeyDeletion", KEY, Map.of(), BREAK_GLASS_ROLES),
            Call.on("delete secret, 30-day recovery", "secretsmanager:DeleteSecret", SECRET, window(SECRET_WINDOW, 30), BREAK_GLASS_ROLES),
            Call.on("delete secret, 7-day recovery", "secretsmanager:DeleteSecret", SECRET, window(SECRET_WINDOW, 7), NOBODY),
            Call.on("force-delete secret", "secretsmanager:DeleteSecret", SECRET,
                    Map.of("secretsmanager:ForceDeleteWithoutRecovery", "true"), NOBODY),
            Call.on("disable key", "kms:DisableKey", KEY, Map.of(), BREAK_GLASS_ROLES),
            Call.on("delete imported key material", "kms:DeleteImportedKeyMaterial", KEY, Map.of(), BREAK_GLASS_ROLES),
            Call.on("remove a secret's replica region", "secretsmanager:RemoveRegionsFromReplication", SECRET, Map.of(), BREAK_GLASS_ROLES),
            Call.on("stop replication to a replica", "secretsmanager:StopReplicationToReplica", SECRET, Map.of(), BREAK_GLASS_ROLES),
            // Destruction without a deletion call.
            Call.on("put a key policy bypassing the lock-out check", "kms:PutKeyPolicy", KEY,
                    Map.of("kms:BypassPolicyLockoutSafetyCheck", "true"), NOBODY),
            Call.unscoped("create a key bypassing the lock-out check", "kms:CreateKey", MEMBER,
                    Map.of("kms:BypassPolicyLockoutSafetyCheck", "true"), NOBODY),
            Call.on("put a key policy with the lock-out check", "kms:PutKeyPolicy", KEY,
                    Map.of("kms:BypassPolicyLockoutSafetyCheck", "false"), ALL),
            Call.unscoped("create a key", "kms:CreateKey", MEMBER, Map.of(), ALL),
            Call.on("import key material that expires", "kms:ImportKeyMaterial", KEY,
                    Map.of("kms:ExpirationModel", "KEY_MATERIAL_EXPIRES", "kms:ValidTo", "1767225600"), BREAK_GLASS_ROLES),
            Call.on("import key material that does not expire", "kms:ImportKeyMaterial", KEY,
                    Map.of("kms:ExpirationModel", "KEY_MATERIAL_DOES_NOT_EXPIRE"), ALL),
            Call.unscoped("disconnect a custom key store", "kms:DisconnectCustomKeyStore", MEMBER, Map.of(), BREAK_GLASS_ROLES),
            Call.unscoped("delete a custom key store", "kms:DeleteCustomKeyStore", MEMBER, Map.of(), BREAK_GLASS_ROLES),
            Call.on("delete a CloudHSM cluster", "cloudhsm:DeleteCluster",
                    "arn:aws:cloudhsm:" + REGION + ":" + MEMBER + ":cluster/cluster-jxhlf7644ne", Map.of(), BREAK_GLASS_ROLES),
            Call.unscoped("delete a CloudHSM HSM", "cloudhsm:DeleteHsm", MEMBER, Map.of(), BREAK_GLASS_ROLES),
            Call.on("delete a CloudHSM backup", "cloudhsm:DeleteBackup",
                    "arn:aws:cloudhsm:" + REGION + ":" + MEMBER + ":backup/backup-ro5c4er4aac", Map.of(), BREAK_GLASS_ROLES),
            Call.unscoped("leave the organization", "organizations:LeaveOrganization", MEMBER, Map.of(), NOBODY),
            Call.on("decrypt", "kms:Decrypt", KEY, Map.of(), ALL),
            Call.on("put a secret value", "secretsmanager:PutSecretValue", SECRET, Map.of(), ALL),
            Call.on("put a secret's resource policy", "secretsmanager:PutResourcePolicy", SECRET, Map.of(), ALL),
            // The drill's carve-out: only the deployer deletes resources carrying the drill tag, with any window.
            Call.on("schedule deletion of the drill key, 7 days", "kms:ScheduleKeyDeletion", KEY,
                    and(window(KEY_WINDOW, 7), DRILL_RESOURCE), ONLY_DEPLOYER),
            Call.on("schedule deletion of the drill key, 30 days", "kms:ScheduleKeyDeletion", KEY,
                    and(window(KEY_WINDOW, 30), DRILL_RESOURCE), Set.of(DEPLOYER, BREAK_GLASS, BREAK_GLASS_WITH_PATH, BREAK_GLASS_SESSION)),
            Call.on("schedule deletion of the drill key tagged for cleanup", "kms:ScheduleKeyDeletion", KEY,
                    and(window(KEY_WINDOW, 7), Map.of(DRILL_TAG, Tags.DRILL_CLEANUP_VALUE)), ONLY_DEPLOYER),
            Call.on("delete the drill secret, 7-day recovery", "secretsmanager:DeleteSecret", SECRET,
                    and(window(SECRET_WINDOW, 7), DRILL_RESOURCE), ONLY_DEPLOYER),
            Call.on("force-delete the drill secret", "secretsmanager:DeleteSecret", SECRET,
                    and(Map.of("secretsmanager:ForceDeleteWithoutRecovery", "true"), DRILL_RESOURCE), NOBODY),
            Call.on("schedule deletion of a key tagged drill=false", "kms:ScheduleKeyDeletion", KEY,
                    and(window(KEY_WINDOW, 30), Map.of(DRILL_TAG, "false")), BREAK_GLASS_ROLES),
            Call.unscoped("create a key with the drill tag", "kms:CreateKey", MEMBER, requestTag(Tags.DRILL_TAG_KEY), ONLY_DEPLOYER),
            Call.unscoped("create a secret with the drill tag", "secretsmanager:CreateSecret", MEMBER,
                    requestTag(Tags.DRILL_TAG_KEY), ONLY_DEPLOYER),
            Call.on("tag a key with the drill tag", "kms:TagResource", KEY, requestTag(Tags.DRILL_TAG_KEY), ONLY_DEPLOYER),
            Call.on("tag a key with the drill tag in capitals", "kms:TagResource", KEY,
                    requestTag(Tags.DRILL_TAG_KEY.toUpperCase()), ONLY_DEPLOYER),
            Call.on("tag a secret with the drill tag", "secretsmanager:TagResource", SECRET,
                    requestTag(Tags.DRILL_TAG_KEY), ONLY_DEPLOYER),
            Call.on("untag the drill tag from a key", "kms:UntagResource", KEY,
                    Map.of("aws:TagKeys", Tags.DRILL_TAG_KEY), ONLY_DEPLOYER),
            Call.on("untag the drill tag from a secret", "secretsmanager:UntagResource", SECRET,
                    and(Map.of("aws:TagKeys", Tags.DRILL_TAG_KEY), DRILL_RESOURCE), ONLY_DEPLOYER),
            Call.on("replicate the drill key", "kms:ReplicateKey", KEY, DRILL_RESOURCE, ONLY_DEPLOYER),
            Call.on("replicate an ordinary key", "kms:ReplicateKey", KEY, Map.of(), ALL),
            Call.on("tag a key with an ordinary tag", "kms:TagResource", KEY, requestTag("team"), ALL),
            Call.unscoped("create a secret with an ordinary tag", "secretsmanager:CreateSecret", MEMBER, requestTag("team"), ALL),
            // Break-glass, deployer and program roles: no one but the deployer and provisioners creates or loosens them.
            Call.on("create the break-glass role", "iam:CreateRole", role("/BreakGlassAdmin"), Map.of(), ROLE_PROVISIONERS),
            Call.on("loosen the trust of a break-glass role", "iam:UpdateAssumeRolePolicy", role("/emergency/IncidentResponder"),
                    Map.of(), ROLE_PROVISIONERS),
            Call.on("tag a break-glass role", "iam:TagRole", role("/BreakGlassAdmin"), Map.of(), ROLE_PROVISIONERS),
            Call.on("create the deployer role", "iam:CreateRole", role("/OrganizationAccountAccessRole"), Map.of(), ROLE_PROVISIONERS),
            Call.on("put an inline policy on the deployer role", "iam:PutRolePolicy", role("/OrganizationAccountAccessRole"),
                    Map.of(), ROLE_PROVISIONERS),
            Call.on("pre-create a program role", "iam:CreateRole", role("/deletion-guard-event-forwarding"), Map.of(), ROLE_PROVISIONERS),
            // Role names are unique whatever the path: a look-alike elsewhere would take the name first.
            Call.on("pre-create a program role on another path", "iam:CreateRole", role("/squat/deletion-guard-event-forwarding"),
                    Map.of(), ROLE_PROVISIONERS),
            Call.on("pre-create the deployer role on another path", "iam:CreateRole", role("/squat/OrganizationAccountAccessRole"),
                    Map.of(), ROLE_PROVISIONERS),
            Call.on("create a break-glass name on another path", "iam:CreateRole", role("/other/IncidentResponder"),
                    Map.of(), ROLE_PROVISIONERS),
            Call.on("attach a policy to a program role", "iam:AttachRolePolicy", role("/deletion-guard-remediation-automation"),
                    Map.of(), ROLE_PROVISIONERS),
            Call.on("remove a program role's permissions boundary", "iam:DeleteRolePermissionsBoundary",
                    role("/deletion-guard-remediation-trigger"), Map.of(), ROLE_PROVISIONERS),
            Call.on("create a role of another name", "iam:CreateRole", role("/team-app"), Map.of(), ALL),
            Call.on("pass the remediation automation role", "iam:PassRole", role("/deletion-guard-remediation-automation"),
                    Map.of(), Set.of(DEPLOYER, TRIGGER)),
            Call.on("pass another role", "iam:PassRole", role("/team-app"), Map.of(), ALL),
            // The guardrails themselves, by name and by tag, and the trail.
            Call.on("delete a forwarding rule", "events:DeleteRule", rule("deletion-guard-forward-deletion-events"), Map.of(), ONLY_DEPLOYER),
            Call.on("retarget a rule on a custom bus", "events:PutTargets",
                    "arn:aws:events:" + REGION + ":" + MEMBER + ":rule/deletion-guard-bus/deletion-guard-forward", Map.of(), ONLY_DEPLOYER),
            Call.on("silence a guardrail alarm", "cloudwatch:DisableAlarmActions",
                    "arn:aws:cloudwatch:" + REGION + ":" + MEMBER + ":alarm:deletion-guard-kms-key-deletion-attempt", Map.of(), ONLY_DEPLOYER),
            Call.on("set a guardrail alarm's state", "cloudwatch:SetAlarmState",
                    "arn:aws:cloudwatch:" + REGION + ":" + MEMBER + ":alarm:deletion-guard-kms-key-deletion-attempt", Map.of(), ONLY_DEPLOYER),
            // Found by its tag alone: the name does not start with the prefix.
            Call.on("delete a tagged guardrail alarm", "cloudwatch:DeleteAlarms",
                    "arn:aws:cloudwatch:" + REGION + ":" + MEMBER + ":alarm:key-deletion",
                    Map.of("aws:ResourceTag/" + Tags.MANAGED_BY_TAG, Tags.MANAGED_BY_VALUE), ONLY_DEPLOYER),
            Call.on("delete the trail's metric filter", "logs:DeleteMetricFilter", LEGACY_LOG_GROUP, Map.of(), ONLY_DEPLOYER),
            Call.on("shorten the trail log group's retention", "logs:PutRetentionPolicy", LEGACY_LOG_GROUP, Map.of(), ONLY_DEPLOYER),
            Call.on("take the trail log group's key away", "logs:DisassociateKmsKey", LEGACY_LOG_GROUP, Map.of(), ONLY_DEPLOYER),
            Call.on("stop the trail", "cloudtrail:StopLogging",
                    "arn:aws:cloudtrail:" + REGION + ":" + MEMBER + ":trail/legacy-account-trail", Map.of(), ONLY_DEPLOYER),
            Call.on("narrow the trail's event selectors", "cloudtrail:PutEventSelectors",
                    "arn:aws:cloudtrail:" + REGION + ":" + MEMBER + ":trail/legacy-account-trail", Map.of(), ONLY_DEPLOYER),
            Call.on("pre-create the remediation document's name", "ssm:CreateDocument",
                    "arn:aws:ssm:" + REGION + ":" + MEMBER + ":document/deletion-guard-remediate-deletion", Map.of(), ONLY_DEPLOYER),
            Call.on("create a document of another name", "ssm:CreateDocument",
                    "arn:aws:ssm:" + REGION + ":" + MEMBER + ":document/team-runbook", Map.of(), ALL),
            Call.on("delete another team's rule", "events:DeleteRule", rule("team-nightly-report"), Map.of(), ALL),
            Call.on("put a metric filter on another log group", "logs:PutMetricFilter",
                    "arn:aws:logs:" + REGION + ":" + MEMBER + ":log-group:team-app", Map.of(), ALL),
            // The notification plane.
            Call.inSecurityAccount("delete the central bus", "events:DeleteEventBus", CENTRAL_BUS, ONLY_DEPLOYER),
            Call.inSecurityAccount("update the central bus", "events:UpdateEventBus", CENTRAL_BUS, ONLY_DEPLOYER),
            Call.unscoped("change the security account's bus permissions", "events:PutPermission", SECURITY, Map.of(), ONLY_DEPLOYER),
            Call.unscoped("remove the security account's bus permissions", "events:RemovePermission", SECURITY, Map.of(), ONLY_DEPLOYER),
            Call.unscoped("change a member account's bus permissions", "events:PutPermission", MEMBER, Map.of(), ALL),
            Call.inSecurityAccount("filter a hub subscription to nothing", "sns:SetSubscriptionAttributes", HUB_TOPIC, ONLY_DEPLOYER),
            Call.inSecurityAccount("unsubscribe from a hub topic", "sns:Unsubscribe", HUB_TOPIC, ONLY_DEPLOYER),
            Call.inSecurityAccount("change a hub topic's policy", "sns:SetTopicAttributes", HUB_TOPIC, ONLY_DEPLOYER),
            Call.unscoped("put metric data into the program's namespace", "cloudwatch:PutMetricData", MEMBER,
                    Map.of("cloudwatch:namespace", "DeletionGuard"), ONLY_DEPLOYER),
            Call.unscoped("put metric data into another namespace", "cloudwatch:PutMetricData", MEMBER,
                    Map.of("cloudwatch:namespace", "TeamApp"), ALL),
            // The StackSets of the member baseline and the stacks they create.
            Call.on("update the program's StackSet", "cloudformation:UpdateStackSet", STACK_SET, Map.of(), ONLY_DEPLOYER),
            Call.on("delete the program's stack instances", "cloudformation:DeleteStackInstances", STACK_SET, Map.of(), ONLY_DEPLOYER),
            Call.on("delete the program's StackSet", "cloudformation:DeleteStackSet", STACK_SET, Map.of(), ONLY_DEPLOYER),
            Call.on("delete a stack the StackSet created", "cloudformation:DeleteStack", STACK_SET_STACK, Map.of(), ONLY_DEPLOYER),
            Call.on("update a stack the StackSet created", "cloudformation:UpdateStack", STACK_SET_STACK, Map.of(), ONLY_DEPLOYER),
            Call.on("set a stack policy on it", "cloudformation:SetStackPolicy", STACK_SET_STACK, Map.of(), ONLY_DEPLOYER),
            Call.on("delete another team's stack", "cloudformation:DeleteStack",
                    "arn:aws:cloudformation:" + REGION + ":" + MEMBER + ":stack/team-app/7b8a9c0d-1111-2222-3333-444455556666",
                    Map.of(), ALL));

    @Test
    void prodMatrixOfPrincipalsAndCalls() {
        matrix("prod SCP", registeredParts("prod"), EVERYONE, CALLS).assertDecisions();
    }

    /**
     * Staging's document differs from prod's in the log groups it names (its one log group is in the
     * management account, which no SCP binds), its security account and in having no provisioner;
     * org's in trusting the StackSets' execution role with the baseline: everything else in a member
     * account is decided alike.
     */
    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod", "org"})
    void keysSecretsAndGuardrailsAreDecidedAlikeInEveryStack(String stack) {
        List<Call> shared = CALLS.stream().filter(call -> call.account().equals(MEMBER)
                && !call.resource().equals(LEGACY_LOG_GROUP)).toList();
        List<Principal> principals = List.of(BREAK_GLASS_SESSION, LOOK_ALIKE, ADMIN, DEPLOYER, TRIGGER);
        matrix(stack + " SCP", registeredParts(stack), principals, shared).assertDecisions();
    }

    @Test
    void stagingLeavesLogGroupsOfMemberAccountsAlone() {
        List<Call> logGroupCalls = CALLS.stream().filter(call -> call.resource().equals(LEGACY_LOG_GROUP))
                .map(call -> new Call(call.label(), call.action(), call.resource(), call.account(), null, call.context(), ALL))
                .toList();

        matrix("staging SCP, member log groups", registeredParts("staging"), List.of(ADMIN), logGroupCalls).assertDecisions();
    }

    // The StackSets' execution role, as CloudFormation assumes it in a member account of the chosen OUs.
    private static final Principal STACKSETS_EXECUTION = new Principal("StackSets execution role", Kind.SESSION,
            "/stacksets-exec-3b1d6a7f2c9e8d4b05a6c7e8f9a0b1c2");
    private static final Set<Principal> BASELINE_DEPLOYERS = Set.of(DEPLOYER, STACKSETS_EXECUTION);
    private static final List<Principal> BASELINE_CALLERS = List.of(STACKSETS_EXECUTION, ADMIN, DEPLOYER);
    private static final String FORWARDING_RULE = rule("deletion-guard-forward-deletion-events");
    private static final String REMEDIATION_DOCUMENT = "arn:aws:ssm:" + REGION + ":" + MEMBER + ":document/deletion-guard-remediate-deletion";
    private static final Map<String, String> MANAGED_BY = Map.of("aws:ResourceTag/" + Tags.MANAGED_BY_TAG, Tags.MANAGED_BY_VALUE);

    /** What the StackSets' templates create and update in a member account, and their stacks. */
    private static final List<Call> BASELINE_WRITES = List.of(
            Call.on("create or update the forwarding rule", "events:PutRule", FORWARDING_RULE, Map.of(), BASELINE_DEPLOYERS),
            Call.on("update the tagged forwarding rule", "events:PutRule", FORWARDING_RULE, MANAGED_BY, BASELINE_DEPLOYERS),
            Call.on("put the forwarding rule's target", "events:PutTargets", FORWARDING_RULE, Map.of(), BASELINE_DEPLOYERS),
            Call.on("remove the forwarding rule's target", "events:RemoveTargets", FORWARDING_RULE, Map.of(), BASELINE_DEPLOYERS),
            Call.on("delete the forwarding rule", "events:DeleteRule", FORWARDING_RULE, Map.of(), BASELINE_DEPLOYERS),
            Call.on("update the remediation document", "ssm:UpdateDocument", REMEDIATION_DOCUMENT, Map.of(), BASELINE_DEPLOYERS),
            Call.on("update the tagged remediation document", "ssm:UpdateDocument", REMEDIATION_DOCUMENT, MANAGED_BY, BASELINE_DEPLOYERS),
            Call.on("set the document's default version", "ssm:UpdateDocumentDefaultVersion", REMEDIATION_DOCUMENT, Map.of(),
                    BASELINE_DEPLOYERS),
            Call.on("create a program role", "iam:CreateRole", role("/deletion-guard-event-forwarding"), Map.of(), BASELINE_DEPLOYERS),
            Call.on("put a program role's inline policy", "iam:PutRolePolicy", role("/deletion-guard-remediation-trigger"), Map.of(),
                    BASELINE_DEPLOYERS),
            Call.on("update a program role's trust", "iam:UpdateAssumeRolePolicy", role("/deletion-guard-remediation-automation"),
                    Map.of(), BASELINE_DEPLOYERS),
            Call.on("update the StackSet's stack", "cloudformation:UpdateStack", STACK_SET_STACK, Map.of(), BASELINE_DEPLOYERS));

    private static final String EXECUTION_ROLE = role("/stacksets-exec-abc");

    /** The execution role can't be borrowed or made. */
    private static final List<Call> EXECUTION_ROLE_INTEGRITY = List.of(
            Call.on("create a role of the StackSets' name", "iam:CreateRole", EXECUTION_ROLE, Map.of(), BASELINE_DEPLOYERS),
            Call.on("update the execution role's trust", "iam:UpdateAssumeRolePolicy", EXECUTION_ROLE, Map.of(), BASELINE_DEPLOYERS),
            Call.on("put an inline policy on the execution role", "iam:PutRolePolicy", EXECUTION_ROLE, Map.of(), BASELINE_DEPLOYERS),
            Call.on("attach a policy to the execution role", "iam:AttachRolePolicy", EXECUTION_ROLE, Map.of(), BASELINE_DEPLOYERS),
            Call.on("delete the execution role", "iam:DeleteRole", EXECUTION_ROLE, Map.of(), BASELINE_DEPLOYERS),
            // It shares the role-integrity statement's exemption with the deployer and provisioners.
            Call.on("create the break-glass role", "iam:CreateRole", role("/BreakGlassAdmin"), Map.of(), BASELINE_DEPLOYERS),
            Call.on("delete another team's rule", "events:DeleteRule", rule("team-nightly-report"), Map.of(),
                    Set.copyOf(BASELINE_CALLERS)));

    /** Calls of the matrix beyond the baseline: the execution role gets no more of them than an ordinary admin. */
    private static final Set<String> BEYOND_THE_BASELINE = Set.of("schedule key deletion, 30 days", "delete secret, 30-day recovery",
            "stop the trail", "pass the remediation automation role", "put metric data into the program's namespace");

    /**
     * Pulumi.org.yaml deploys the member baseline through StackSets: CloudFormation's execution role
     * creates and updates it in every account of the OUs, and no member admin may pose as that
     * role, take it over or reach past the baseline with it.
     */
    @Test
    void theStackSetsExecutionRoleMaintainsTheBaselineAndNothingElse() {
        List<Call> calls = new ArrayList<>(BASELINE_WRITES);
        calls.addAll(EXECUTION_ROLE_INTEGRITY);
        calls.addAll(CALLS.stream().filter(call -> BEYOND_THE_BASELINE.contains(call.label())).toList());
        assertEquals(BEYOND_THE_BASELINE.size(), calls.size() - BASELINE_WRITES.size() - EXECUTION_ROLE_INTEGRITY.size());
        matrix("org SCP, StackSets execution role", registeredParts("org"), BASELINE_CALLERS, calls)
                .assertDecisions();
    }

    /** A stack on the provider engine trusts no StackSets execution role with the baseline. */
    @Test
    void withoutStackSetsTheExecutionRoleIsAnyOtherRole() {
        List<Call> calls = BASELINE_WRITES.stream().map(call -> new Call(call.label(), call.action(), call.resource(), call.account(),
                call.resourceAccount(), call.context(), ONLY_DEPLOYER)).toList();
        matrix("prod SCP, a StackSets execution role", registeredParts("prod"), BASELINE_CALLERS, calls)
                .assertDecisions();
    }

    private static DecisionTable matrix(String title, List<JsonObject> scpParts, List<Principal> principals, List<Call> calls) {
        List<JsonObject> scps = new ArrayList<>(List.of(fullAwsAccess()));
        scps.addAll(scpParts);
        DecisionTable table = new DecisionTable(title);
        for (Principal principal : principals) {
            for (Call call : calls) {
                Map<String, String> context = new HashMap<>(principal.context(call.account()));
                context.putAll(call.context());
                Request request = new Request(principal.arn(call.account()), call.action(), call.resource(),
                        call.resourceAccount(), context);
                boolean onKey = call.resource().startsWith("arn:aws:kms:");
                table.expect(call.allowed().contains(principal) ? ALLOW : DENY, new Case(principal.label() + " / " + call.label(),
                        List.of(MAY_DO_ANYTHING), scps, onKey ? keyPolicy(call.account()) : null, request));
            }
        }
        return table;
    }

    /** The usual first statement of a key policy, so the account's identity policies count for the key. */
    private static JsonObject keyPolicy(String account) {
        return json("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                 "Principal": {"AWS": "arn:aws:iam::%s:root"}, "Action": "kms:*", "Resource": "*"}]}""".formatted(account));
    }

    /** Every SCP part the stack registers; all of them are attached to the same targets. */
    static List<JsonObject> registeredParts(String stack) {
        return Deployments.ofType(Deployments.ofStackFile(stack), Policy.class).stream()
                .filter(policy -> policy.input("type").equals("SERVICE_CONTROL_POLICY"))
                .map(policy -> json(policy.input("content"))).toList();
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
