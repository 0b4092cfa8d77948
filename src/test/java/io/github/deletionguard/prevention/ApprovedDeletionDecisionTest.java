package io.github.deletionguard.prevention;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.aws.organizations.Policy;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.IamSimulator;
import io.github.deletionguard.testing.IamSimulator.Case;
import io.github.deletionguard.testing.IamSimulator.Decision;
import io.github.deletionguard.testing.IamSimulator.Request;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.deletionguard.testing.IamSimulator.fullAwsAccess;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The exemptions the prod approval and staging's ephemeral OU render, decided by iam-simulate:
 * exactly the approved call on the approved key by the approved role before the date, at least
 * the minimum window; nothing else moves. Every case gives {@code aws:CurrentTime}, as AWS does.
 */
class ApprovedDeletionDecisionTest {
    private static final Decision ALLOW = Decision.Allowed;
    private static final Decision DENY = Decision.ExplicitlyDenied;
    /** Pulumi.prod.yaml: the approval of payments-prod's pipeline role, until 2026-12-20. */
    private static final String PAYMENTS = "444444444444";
    private static final String DATA = "055555555555";
    private static final String PIPELINE = "arn:aws:iam::" + PAYMENTS + ":role/ci/payments-deployer";
    private static final String APPROVED_KEY = "arn:aws:kms:eu-central-1:" + PAYMENTS + ":key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private static final String OTHER_KEY = "arn:aws:kms:eu-central-1:" + PAYMENTS + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String SECRET = "arn:aws:secretsmanager:eu-central-1:" + PAYMENTS + ":secret:payments/api-AbCdEf";
    private static final String BEFORE = "2026-12-10T12:00:00Z";
    private static final String LAST_SECOND = "2026-12-19T23:59:59Z";
    private static final String AT_UNTIL = "2026-12-20T00:00:00Z";
    private static final String AFTER = "2027-01-05T08:00:00Z";

    private static final JsonObject MAY_DO_ANYTHING = json("""
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""");

    private record Row(String name, String principal, String action, String resource, String now, Map<String, String> context,
                       Decision expected) {
    }

    private static Row schedule(String name, String principal, String key, String now, String window, Decision expected) {
        return new Row(name, principal, "kms:ScheduleKeyDeletion", key, now,
                window == null ? Map.of() : Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", window), expected);
    }

    static final List<Row> PROD_ROWS = List.of(
            schedule("pipeline schedules the approved key, 14 days, before until", PIPELINE, APPROVED_KEY, BEFORE, "14", ALLOW),
            schedule("pipeline schedules the approved key, 30 days, last second", PIPELINE, APPROVED_KEY, LAST_SECOND, "30", ALLOW),
            schedule("pipeline schedules the approved key, default window", PIPELINE, APPROVED_KEY, BEFORE, null, ALLOW),
            schedule("pipeline schedules the approved key, 7 days (below minimum)", PIPELINE, APPROVED_KEY, BEFORE, "7", DENY),
            schedule("pipeline schedules the approved key at until", PIPELINE, APPROVED_KEY, AT_UNTIL, "30", DENY),
            schedule("pipeline schedules the approved key after until", PIPELINE, APPROVED_KEY, AFTER, "30", DENY),
            schedule("pipeline schedules another key", PIPELINE, OTHER_KEY, BEFORE, "30", DENY),
            new Row("pipeline disables the approved key", PIPELINE, "kms:DisableKey", APPROVED_KEY, BEFORE, Map.of(), DENY),
            new Row("pipeline deletes the approved key's material", PIPELINE, "kms:DeleteImportedKeyMaterial", APPROVED_KEY,
                    BEFORE, Map.of(), DENY),
            new Row("pipeline deletes a secret of its account", PIPELINE, "secretsmanager:DeleteSecret", SECRET, BEFORE,
                    Map.of("secretsmanager:RecoveryWindowInDays", "30"), DENY),
            new Row("pipeline decrypts with the approved key", PIPELINE, "kms:Decrypt", APPROVED_KEY, BEFORE, Map.of(), ALLOW),
            schedule("another role of the account schedules the approved key", "arn:aws:iam::" + PAYMENTS + ":role/Admin",
                    APPROVED_KEY, BEFORE, "30", DENY),
            schedule("a role on another path with the pipeline's name", "arn:aws:iam::" + PAYMENTS + ":role/payments-deployer",
                    APPROVED_KEY, BEFORE, "30", DENY),
            schedule("the pipeline's name in another account, its own key", "arn:aws:iam::" + DATA + ":role/ci/payments-deployer",
                    "arn:aws:kms:eu-central-1:" + DATA + ":key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", BEFORE, "30", DENY),
            schedule("break-glass schedules the approved key after until", "arn:aws:iam::" + PAYMENTS + ":role/BreakGlassAdmin",
                    APPROVED_KEY, AFTER, "30", ALLOW));

    @Test
    void prodApprovalExemptsExactlyTheApprovedCallUntilTheDate() {
        assertRows("prod SCP, approved deletion", registeredDocument("prod"), PROD_ROWS);
    }

    @Test
    void withoutTheApprovalThePipelineIsDeniedAsBefore() {
        List<JsonObject> withoutApprovals = rendered(ConfigBuilder.stackFile("prod").remove("approvedDeletions"));

        assertRows("prod SCP without the approval", withoutApprovals, List.of(
                schedule("pipeline schedules the key without approval", PIPELINE, APPROVED_KEY, BEFORE, "30", DENY)));
    }

    @Test
    void anExpiredApprovalRendersNothingAndDeniesAsBefore() {
        assertEquals(rendered(ConfigBuilder.stackFile("prod").remove("approvedDeletions")),
                rendered(ConfigBuilder.stackFile("prod").on(java.time.LocalDate.of(2026, 12, 20))));
    }

    /** Pulumi.staging.yaml: the sandbox OU o-st4g1ng0rg1/r-st4g/ou-st4g-s4ndb0x1/ is ephemeral. */
    @Test
    void stagingSandboxesDeleteWithShortWindowsAndEveryOtherOuStaysBound() {
        String sandbox = "o-st4g1ng0rg1/r-st4g/ou-st4g-s4ndb0x1/";
        String childOfSandbox = sandbox + "ou-st4g-t34mabcd/";
        String testOu = "o-st4g1ng0rg1/r-st4g/ou-st4g-t3stacc7/";
        String lookAlike = "o-st4g1ng0rg1/r-st4g/ou-st4g-s4ndb0x10/";
        String account = "260000000006";
        String developer = "arn:aws:iam::" + account + ":role/Developer";
        String key = "arn:aws:kms:eu-central-1:" + account + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
        String secret = "arn:aws:secretsmanager:eu-central-1:" + account + ":secret:sandbox/app-AbCdEf";
        Map<String, String> sevenDays = Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", "7");
        Map<String, String> force = Map.of("secretsmanager:ForceDeleteWithoutRecovery", "true");
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Decision> path : Map.of(sandbox, ALLOW, childOfSandbox, ALLOW, testOu, DENY, lookAlike, DENY).entrySet()) {
            Map<String, String> inPath = Map.of("aws:PrincipalOrgPaths", path.getKey());
            rows.add(new Row("developer in " + path.getKey() + " schedules a key, 7 days", developer, "kms:ScheduleKeyDeletion", key,
                    BEFORE, merge(inPath, sevenDays), path.getValue()));
            rows.add(new Row("developer in " + path.getKey() + " force-deletes a secret", developer, "secretsmanager:DeleteSecret",
                    secret, BEFORE, merge(inPath, force), path.getValue()));
        }
        rows.add(new Row("developer in the sandbox deletes a guardrail rule", developer, "events:DeleteRule",
                "arn:aws:events:eu-central-1:" + account + ":rule/deletion-guard-key-deletion", BEFORE,
                Map.of("aws:PrincipalOrgPaths", sandbox), DENY));
        rows.add(new Row("developer in the sandbox stops the trail", developer, "cloudtrail:StopLogging",
                "arn:aws:cloudtrail:eu-central-1:" + account + ":trail/org-trail", BEFORE, Map.of("aws:PrincipalOrgPaths", sandbox), DENY));

        assertRows("staging SCP, ephemeral OU", registeredDocument("staging"), rows);
    }

    /**
     * The RCP denies deletion without recovery to everyone, break-glass included; it lets off only
     * secrets that live in the sandbox OU ({@code aws:ResourceOrgPaths}), whoever calls.
     */
    @Test
    void stagingRcpLetsOffOnlySecretsThatLiveInTheSandbox() {
        String sandbox = "o-st4g1ng0rg1/r-st4g/ou-st4g-s4ndb0x1/";
        String testOu = "o-st4g1ng0rg1/r-st4g/ou-st4g-t3stacc7/";
        String account = "260000000006";
        String secret = "arn:aws:secretsmanager:eu-central-1:" + account + ":secret:sandbox/app-AbCdEf";
        OfflineEngine.Run run = Deployments.ofStackFile("staging");
        List<JsonObject> scps = new ArrayList<>(List.of(fullAwsAccess()));
        scps.addAll(registeredDocument("staging"));
        JsonObject rcp = json(Deployments.ofType(run, Policy.class).stream()
                .filter(policy -> policy.input("type").equals("RESOURCE_CONTROL_POLICY")).findFirst().orElseThrow().input("content"));
        IamSimulator.DecisionTable table = new IamSimulator.DecisionTable("staging RCP, ephemeral OU secrets");
        Map<String, Decision> byResourcePath = new LinkedHashMap<>();
        byResourcePath.put(sandbox, ALLOW);
        byResourcePath.put(testOu, DENY);
        byResourcePath.forEach((resourcePath, decision) -> {
            String name = "sandbox developer force-deletes a secret living in " + resourcePath;
            table.expect(decision, new Case(name, List.of(MAY_DO_ANYTHING), scps, List.of(rcp), null,
                    new Request("arn:aws:iam::" + account + ":role/Developer", "secretsmanager:DeleteSecret", secret, account,
                            Map.of("aws:CurrentTime", BEFORE, "aws:PrincipalOrgPaths", sandbox, "aws:ResourceOrgPaths", resourcePath,
                                    "secretsmanager:ForceDeleteWithoutRecovery", "true")).inOrganization("o-st4g1ng0rg1")));
        });

        table.assertDecisions();
    }

    private static Map<String, String> merge(Map<String, String> first, Map<String, String> second) {
        Map<String, String> merged = new HashMap<>(first);
        merged.putAll(second);
        return merged;
    }

    private static void assertRows(String title, List<JsonObject> scpParts, List<Row> rows) {
        IamSimulator.DecisionTable table = new IamSimulator.DecisionTable(title);
        for (Row row : rows) {
            Map<String, String> context = new HashMap<>(row.context());
            context.put("aws:CurrentTime", row.now());
            String account = row.resource().split(":")[4];
            JsonObject keyPolicy = row.action().startsWith("kms:") ? json("""
                    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                     "Principal": {"AWS": "arn:aws:iam::%s:root"}, "Action": "kms:*", "Resource": "*"}]}""".formatted(account)) : null;
            List<JsonObject> scps = new ArrayList<>(List.of(fullAwsAccess()));
            scps.addAll(scpParts);
            table.expect(row.expected(), new Case(row.name(), List.of(MAY_DO_ANYTHING), scps, keyPolicy,
                    new Request(row.principal(), row.action(), row.resource(), context)));
        }
        table.assertDecisions();
    }

    /** Every part of the SCP the stack file registers, as AWS would attach them side by side. */
    private static List<JsonObject> registeredDocument(String stack) {
        return Deployments.ofType(Deployments.ofStackFile(stack), Policy.class).stream()
                .filter(policy -> policy.input("type").equals("SERVICE_CONTROL_POLICY"))
                .map(policy -> json(policy.input("content"))).toList();
    }

    private static List<JsonObject> rendered(ConfigBuilder config) {
        return OrganizationPolicies.renderFor(config.load(), PolicyFiles.inProjectRoot()).orElseThrow()
                .serviceControlPolicy().parts().stream().map(ApprovedDeletionDecisionTest::json).toList();
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
