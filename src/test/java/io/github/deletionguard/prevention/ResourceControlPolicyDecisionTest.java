package io.github.deletionguard.prevention;

import com.google.gson.JsonObject;
import com.pulumi.aws.organizations.Policy;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.IamSimulator.Case;
import io.github.deletionguard.testing.IamSimulator.Decision;
import io.github.deletionguard.testing.IamSimulator.DecisionTable;
import io.github.deletionguard.testing.IamSimulator.Request;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.github.deletionguard.prevention.ServiceControlPolicyDecisionTest.json;

/**
 * What the deployed RCP allows, decided by iam-simulate. The attack it closes: a member admin
 * shares a secret or key with an account outside the organization through its resource policy;
 * that principal is bound by no SCP of ours. The resource policies below grant everything to the
 * outsider, an organization account and an AWS service, and no SCP is given, so the RCP is all
 * that decides (the SCP's own decisions for organization principals are {@link ServiceControlPolicyDecisionTest}'s).
 */
class ResourceControlPolicyDecisionTest {
    private static final String MEMBER = "055555555555";
    private static final String REGION = "eu-west-1";
    private static final String SECRET = "arn:aws:secretsmanager:" + REGION + ":" + MEMBER + ":secret:payments-db-AbCdEf";
    private static final String KEY = "arn:aws:kms:" + REGION + ":" + MEMBER + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String OUTSIDER = "arn:aws:iam::999999999999:role/Attacker";
    private static final String ORGANIZATION_ROLE = "arn:aws:iam::444444444444:role/payments-api";
    private static final String SAME_ACCOUNT_ADMIN = "arn:aws:iam::" + MEMBER + ":role/Admin";
    private static final String SERVICE = "cloudformation.amazonaws.com";
    private static final Decision ALLOW = Decision.Allowed;
    private static final Decision DENY = Decision.ExplicitlyDenied;

    private static final JsonObject MAY_DO_ANYTHING = json("""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""");

    /** What a careless or malicious member admin puts on the resource: everything, for everyone named. */
    private static JsonObject sharedWithEveryone(String service) {
        return json("""
                {"Version": "2012-10-17", "Statement": [
                 {"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::%1$s:root", "arn:aws:iam::999999999999:root",
                   "arn:aws:iam::444444444444:root"]}, "Action": "%2$s:*", "Resource": "*"},
                 {"Effect": "Allow", "Principal": {"Service": "%3$s"}, "Action": "%2$s:*", "Resource": "*"}]}"""
                .formatted(MEMBER, service, SERVICE));
    }

    private record Caller(String label, String principal, String organizationId) {
    }

    private record Call(String label, String action, String resource, Map<String, String> context) {
    }

    private static final List<Call> SECRET_CALLS = List.of(
            new Call("deletes the secret with a 30-day window", "secretsmanager:DeleteSecret", SECRET,
                    Map.of("secretsmanager:RecoveryWindowInDays", "30")),
            new Call("force-deletes the secret", "secretsmanager:DeleteSecret", SECRET,
                    Map.of("secretsmanager:ForceDeleteWithoutRecovery", "true")),
            new Call("replaces the secret's policy", "secretsmanager:PutResourcePolicy", SECRET, Map.of()),
            new Call("deletes the secret's policy", "secretsmanager:DeleteResourcePolicy", SECRET, Map.of()),
            new Call("removes a replica region", "secretsmanager:RemoveRegionsFromReplication", SECRET, Map.of()),
            new Call("swaps the secret's key", "secretsmanager:UpdateSecret", SECRET, Map.of()),
            new Call("overwrites the value", "secretsmanager:PutSecretValue", SECRET, Map.of()),
            new Call("reads the value", "secretsmanager:GetSecretValue", SECRET, Map.of()));
    private static final List<Call> KEY_CALLS = List.of(
            new Call("schedules the key's deletion", "kms:ScheduleKeyDeletion", KEY,
                    Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", "30")),
            new Call("disables the key", "kms:DisableKey", KEY, Map.of()),
            new Call("rewrites the key policy", "kms:PutKeyPolicy", KEY, Map.of()),
            new Call("imports expiring key material", "kms:ImportKeyMaterial", KEY,
                    Map.of("kms:ExpirationModel", "KEY_MATERIAL_EXPIRES")),
            new Call("replicates the key", "kms:ReplicateKey", KEY, Map.of()),
            new Call("decrypts", "kms:Decrypt", KEY, Map.of()));

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod"})
    void outsidersNeverDestroyOrReconfigureAndNobodyForceDeletes(String stack) {
        JsonObject rcp = registeredRcp(stack);
        String organization = ConfigBuilder.stackFile(stack).load().organization().id();
        Caller outsider = new Caller("principal outside the organization", OUTSIDER, null);
        Caller member = new Caller("role of another organization account", ORGANIZATION_ROLE, organization);
        Caller admin = new Caller("admin of the account", SAME_ACCOUNT_ADMIN, organization);
        Caller service = new Caller("AWS service", SERVICE, null);

        DecisionTable table = new DecisionTable(stack + " RCP");
        for (Call call : SECRET_CALLS) {
            boolean read = call.action().equals("secretsmanager:GetSecretValue");
            boolean forced = call.context().containsKey("secretsmanager:ForceDeleteWithoutRecovery");
            row(table, read ? ALLOW : DENY, outsider, call, rcp, "secretsmanager");
            row(table, forced ? DENY : ALLOW, member, call, rcp, "secretsmanager");
            row(table, forced ? DENY : ALLOW, admin, call, rcp, "secretsmanager");
            // AWS services act for their customers (replication, rotation, CloudFormation): exempt, as in AWS's own RCP examples.
            row(table, ALLOW, service, call, rcp, "secretsmanager");
        }
        for (Call call : KEY_CALLS) {
            row(table, call.action().equals("kms:Decrypt") ? ALLOW : DENY, outsider, call, rcp, "kms");
            row(table, ALLOW, member, call, rcp, "kms");
            row(table, ALLOW, admin, call, rcp, "kms");
        }
        table.assertDecisions();
    }

    private static void row(DecisionTable table, Decision expected, Caller caller, Call call, JsonObject rcp, String service) {
        boolean isService = caller.principal().endsWith(".amazonaws.com");
        Request request = new Request(caller.principal(), call.action(), call.resource(), call.context());
        table.expect(expected, new Case(caller.label() + " " + call.label(), isService ? List.of() : List.of(MAY_DO_ANYTHING),
                List.of(), List.of(rcp), sharedWithEveryone(service),
                caller.organizationId() == null ? request : request.inOrganization(caller.organizationId())));
    }

    private static JsonObject registeredRcp(String stack) {
        return Deployments.ofType(Deployments.ofStackFile(stack), Policy.class).stream()
                .filter(policy -> policy.input("type").equals("RESOURCE_CONTROL_POLICY"))
                .map(policy -> json(policy.input("content"))).findFirst().orElseThrow();
    }
}
