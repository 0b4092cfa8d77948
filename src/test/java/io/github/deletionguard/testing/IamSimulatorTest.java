package io.github.deletionguard.testing;

import static io.github.deletionguard.testing.IamSimulator.Decision.Allowed;
import static io.github.deletionguard.testing.IamSimulator.Decision.ExplicitlyDenied;
import static io.github.deletionguard.testing.IamSimulator.Decision.ImplicitlyDenied;
import static io.github.deletionguard.testing.IamSimulator.fullAwsAccess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.testing.IamSimulator.Case;
import io.github.deletionguard.testing.IamSimulator.Decision;
import io.github.deletionguard.testing.IamSimulator.Request;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proves the harness against decisions of the real library: if these expectations broke, the
 * policy tests built on {@link IamSimulator} could not be trusted.
 */
class IamSimulatorTest {

    private static final String ACCOUNT = "111122223333";
    private static final String OTHER_ACCOUNT = "444455556666";
    private static final String KEY = "arn:aws:kms:us-east-1:" + ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String TOPIC = "arn:aws:sns:us-east-1:" + ACCOUNT + ":alarms";
    private static final String ADMIN = role(ACCOUNT, "Admin");
    private static final String BREAK_GLASS = role(ACCOUNT, "BreakGlass");

    /** The usual first statement of a key policy: the account's IAM policies decide. */
    private static final JsonObject KEY_POLICY_TRUSTING_ACCOUNT = policy("""
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "EnableIamPolicies", "Effect": "Allow",
               "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}
            """);

    private static final JsonObject ONLY_BREAK_GLASS_DELETES_KEYS = policy("""
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "OnlyBreakGlassDeletesKeys", "Effect": "Deny", "Action": "kms:ScheduleKeyDeletion",
               "Resource": "*",
               "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/BreakGlass"}}}]}
            """);

    private static final JsonObject NO_SHORT_DELETION_WINDOW = policy("""
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "NoShortDeletionWindow", "Effect": "Deny", "Action": "kms:ScheduleKeyDeletion",
               "Resource": "*",
               "Condition": {"NumericLessThan": {"kms:ScheduleKeyDeletionPendingWindowInDays": "30"}}}]}
            """);

    @Test
    void scpLetsOnlyTheBreakGlassRoleScheduleKeyDeletion() {
        List<JsonObject> scps = List.of(fullAwsAccess(), ONLY_BREAK_GLASS_DELETES_KEYS);
        JsonObject decryptAndDelete = allow("kms:Decrypt", "kms:ScheduleKeyDeletion");
        JsonObject decryptOnly = allow("kms:Decrypt");

        Map<String, Decision> decisions = IamSimulator.decisions(List.of(
                keyCase("admin decrypts", decryptAndDelete, scps, ADMIN, "kms:Decrypt", Map.of()),
                keyCase("admin schedules deletion", decryptAndDelete, scps, ADMIN, "kms:ScheduleKeyDeletion", Map.of()),
                keyCase("break-glass schedules deletion", decryptAndDelete, scps, BREAK_GLASS,
                        "kms:ScheduleKeyDeletion", Map.of()),
                // The SCP exemption grants nothing: the role still needs an identity policy Allow.
                keyCase("break-glass without identity allow", decryptOnly, scps, BREAK_GLASS,
                        "kms:ScheduleKeyDeletion", Map.of()),
                keyCase("look-alike role schedules deletion", decryptAndDelete, scps, role(ACCOUNT, "BreakGlassX"),
                        "kms:ScheduleKeyDeletion", Map.of()),
                // A session ARN does not carry the role's path, so the harness leaves aws:PrincipalArn to the case.
                keyCase("break-glass session schedules deletion", decryptAndDelete, scps,
                        "arn:aws:sts::" + ACCOUNT + ":assumed-role/BreakGlass/alice", "kms:ScheduleKeyDeletion",
                        Map.of("aws:PrincipalArn", BREAK_GLASS))));

        assertEquals(IamSimulator.expected(
                "admin decrypts", Allowed,
                "admin schedules deletion", ExplicitlyDenied,
                "break-glass schedules deletion", Allowed,
                "break-glass without identity allow", ImplicitlyDenied,
                "look-alike role schedules deletion", ExplicitlyDenied,
                "break-glass session schedules deletion", Allowed), decisions);
    }

    /** A decision table fails once, naming every wrong row with both decisions, not just the first. */
    @Test
    void aDecisionTableReportsEveryWrongRowAtOnce() {
        List<JsonObject> scps = List.of(fullAwsAccess(), ONLY_BREAK_GLASS_DELETES_KEYS);
        JsonObject mayDelete = allow("kms:Decrypt", "kms:ScheduleKeyDeletion");
        IamSimulator.DecisionTable table = new IamSimulator.DecisionTable("sample")
                .expect(Allowed, keyCase("admin decrypts", mayDelete, scps, ADMIN, "kms:Decrypt", Map.of()))
                .expect(Allowed, keyCase("admin schedules deletion", mayDelete, scps, ADMIN, "kms:ScheduleKeyDeletion", Map.of()))
                .expect(ExplicitlyDenied, keyCase("break-glass schedules deletion", mayDelete, scps, BREAK_GLASS,
                        "kms:ScheduleKeyDeletion", Map.of()));

        AssertionError error = assertThrows(AssertionError.class, table::assertDecisions);

        assertEquals("""
                sample: 2 of 3 rows decided otherwise:
                  admin schedules deletion: expected Allowed, iam-simulate says ExplicitlyDenied
                  break-glass schedules deletion: expected ExplicitlyDenied, iam-simulate says Allowed""", error.getMessage());
    }

    @Test
    void conditionKeysComeFromTheRequestContext() {
        List<JsonObject> scps = List.of(fullAwsAccess(), NO_SHORT_DELETION_WINDOW);
        JsonObject mayDelete = allow("kms:ScheduleKeyDeletion");

        Map<String, Decision> decisions = IamSimulator.decisions(List.of(
                keyCase("7-day window", mayDelete, scps, ADMIN, "kms:ScheduleKeyDeletion",
                        Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", "7")),
                keyCase("30-day window", mayDelete, scps, ADMIN, "kms:ScheduleKeyDeletion",
                        Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", "30")),
                // A Numeric* condition on an absent key does not match, so this deny does not apply.
                keyCase("window not in the context", mayDelete, scps, ADMIN, "kms:ScheduleKeyDeletion", Map.of())));

        assertEquals(IamSimulator.expected(
                "7-day window", ExplicitlyDenied,
                "30-day window", Allowed,
                "window not in the context", Allowed), decisions);
    }

    @Test
    void keyPolicyGrantsDecryptToARoleInAnotherAccount() {
        JsonObject keyPolicy = policy("""
                {"Version": "2012-10-17", "Statement": [
                  {"Sid": "EnableIamPolicies", "Effect": "Allow",
                   "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
                  {"Sid": "ReaderDecrypts", "Effect": "Allow",
                   "Principal": {"AWS": "arn:aws:iam::444455556666:role/Reader"},
                   "Action": "kms:Decrypt", "Resource": "*"}]}
                """);
        List<JsonObject> scps = List.of(fullAwsAccess());
        List<JsonObject> mayDecrypt = List.of(allow("kms:Decrypt"));
        Request readerDecrypts = new Request(role(OTHER_ACCOUNT, "Reader"), "kms:Decrypt", KEY, Map.of());
        Request intruderDecrypts = new Request(role(OTHER_ACCOUNT, "Intruder"), "kms:Decrypt", KEY, Map.of());

        Map<String, Decision> decisions = IamSimulator.decisions(List.of(
                new Case("listed role", mayDecrypt, scps, keyPolicy, readerDecrypts),
                // Cross-account access needs an Allow on both sides.
                new Case("listed role without identity allow", List.of(), scps, keyPolicy, readerDecrypts),
                new Case("unlisted role", mayDecrypt, scps, keyPolicy, intruderDecrypts)));

        assertEquals(IamSimulator.expected(
                "listed role", Allowed,
                "listed role without identity allow", ImplicitlyDenied,
                "unlisted role", ImplicitlyDenied), decisions);
    }

    @Test
    void keyPolicyTrustingTheAccountStillNeedsAnIdentityPolicy() {
        List<JsonObject> scps = List.of(fullAwsAccess());
        Request adminDecrypts = new Request(ADMIN, "kms:Decrypt", KEY, Map.of());
        JsonObject keyPolicyNamingAdmin = policy("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/Admin"},
                   "Action": "kms:Decrypt", "Resource": "*"}]}
                """);

        Map<String, Decision> decisions = IamSimulator.decisions(List.of(
                new Case("account trust only", List.of(), scps, KEY_POLICY_TRUSTING_ACCOUNT, adminDecrypts),
                new Case("account trust and identity allow", List.of(allow("kms:Decrypt")), scps,
                        KEY_POLICY_TRUSTING_ACCOUNT, adminDecrypts),
                // Unlike other services, KMS ignores same-account identity policies unless the key policy trusts the account.
                new Case("identity allow without key policy", List.of(allow("kms:Decrypt")), scps, null, adminDecrypts),
                new Case("key policy naming the role", List.of(), scps, keyPolicyNamingAdmin, adminDecrypts)));

        assertEquals(IamSimulator.expected(
                "account trust only", ImplicitlyDenied,
                "account trust and identity allow", Allowed,
                "identity allow without key policy", ImplicitlyDenied,
                "key policy naming the role", Allowed), decisions);
    }

    @Test
    void servicePrincipalPublishesOnlyForItsOwnAccount() {
        JsonObject topicPolicy = policy("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"Service": "cloudwatch.amazonaws.com"},
                   "Action": "sns:Publish", "Resource": "arn:aws:sns:us-east-1:111122223333:alarms",
                   "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}
                """);
        // No SCPs: AWS does not apply them to service principals, and the harness refuses them here.
        Map<String, Decision> decisions = IamSimulator.decisions(List.of(
                topicCase("alarm from own account", "cloudwatch.amazonaws.com", Map.of("aws:SourceAccount", ACCOUNT),
                        topicPolicy),
                topicCase("alarm from another account", "cloudwatch.amazonaws.com",
                        Map.of("aws:SourceAccount", OTHER_ACCOUNT), topicPolicy),
                topicCase("source account not in the context", "cloudwatch.amazonaws.com", Map.of(), topicPolicy),
                topicCase("another service", "events.amazonaws.com", Map.of("aws:SourceAccount", ACCOUNT),
                        topicPolicy)));

        assertEquals(IamSimulator.expected(
                "alarm from own account", Allowed,
                "alarm from another account", ImplicitlyDenied,
                "source account not in the context", ImplicitlyDenied,
                "another service", ImplicitlyDenied), decisions);
    }

    @Test
    void denyOnlyScpsWithoutFullAwsAccessAllowNothing() {
        JsonObject mayDecrypt = allow("kms:Decrypt");

        Map<String, Decision> decisions = IamSimulator.decisions(List.of(
                keyCase("deny SCP alone", mayDecrypt, List.of(ONLY_BREAK_GLASS_DELETES_KEYS), ADMIN, "kms:Decrypt",
                        Map.of()),
                keyCase("deny SCP with FullAWSAccess", mayDecrypt,
                        List.of(fullAwsAccess(), ONLY_BREAK_GLASS_DELETES_KEYS), ADMIN, "kms:Decrypt", Map.of()),
                keyCase("no SCPs at all", mayDecrypt, List.of(), ADMIN, "kms:Decrypt", Map.of())));

        assertEquals(IamSimulator.expected(
                "deny SCP alone", ImplicitlyDenied,
                "deny SCP with FullAWSAccess", Allowed,
                "no SCPs at all", Allowed), decisions);
    }

    @Test
    void oneCallDecidesAWholeMatrix() {
        List<JsonObject> scps = List.of(fullAwsAccess(), ONLY_BREAK_GLASS_DELETES_KEYS, NO_SHORT_DELETION_WINDOW);
        JsonObject mayDelete = allow("kms:ScheduleKeyDeletion");
        List<Case> cases = new ArrayList<>();
        Map<String, Decision> expected = new LinkedHashMap<>();
        for (String principal : List.of(ADMIN, BREAK_GLASS, role(ACCOUNT, "BreakGlassX"))) {
            for (int days = 7; days <= 30; days++) {
                String name = principal + " with " + days + " days";
                cases.add(keyCase(name, mayDelete, scps, principal, "kms:ScheduleKeyDeletion",
                        Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", Integer.toString(days))));
                expected.put(name, principal.equals(BREAK_GLASS) && days >= 30 ? Allowed : ExplicitlyDenied);
            }
        }

        assertEquals(72, cases.size());
        assertEquals(expected, IamSimulator.decisions(cases));
    }

    private static final String ORG = "o-exampleorgid";
    private static final String SECRET =
            "arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:payments-db-AbCdEf";

    /** Shaped on AWS's RCP examples: principals outside the organization, except AWS services. */
    private static final JsonObject RCP_ORGANIZATION_ONLY = policy("""
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "EnforceOrgIdentities", "Effect": "Deny", "Principal": "*",
               "Action": ["kms:*", "secretsmanager:*"], "Resource": "*",
               "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-exampleorgid"},
                             "BoolIfExists": {"aws:PrincipalIsAWSService": "false"}}}]}
            """);

    private static final JsonObject RCP_NO_FORCED_SECRET_DELETION = policy("""
            {"Version": "2012-10-17", "Statement": [
              {"Sid": "NoForcedSecretDeletion", "Effect": "Deny", "Principal": "*",
               "Action": "secretsmanager:DeleteSecret", "Resource": "*",
               "Condition": {"Bool": {"secretsmanager:ForceDeleteWithoutRecovery": "true"}}}]}
            """);

    /** A secret shared with everyone in the organization and with one outside account. */
    private static final JsonObject SHARED_SECRET_POLICY = policy("""
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root",
                                                         "arn:aws:iam::999988887777:root"]},
               "Action": "secretsmanager:*", "Resource": "*"}]}
            """);

    @Test
    void rcpDeniesPrincipalsOutsideTheOrganizationAndSparesThoseInside() {
        List<JsonObject> mayDelete = List.of(allow("secretsmanager:DeleteSecret"));
        List<JsonObject> rcps = List.of(RCP_ORGANIZATION_ONLY);
        Request strangerDeletes = new Request(role("999988887777", "Stranger"), "secretsmanager:DeleteSecret",
                SECRET, Map.of());
        Request memberDeletes = new Request(role(OTHER_ACCOUNT, "Member"), "secretsmanager:DeleteSecret",
                SECRET, Map.of());
        JsonObject memberSharedPolicy = policy(SHARED_SECRET_POLICY.toString().replace("999988887777", OTHER_ACCOUNT));

        Map<String, Decision> decisions = IamSimulator.decisions(List.of(
                // The stranger's account is in no organization: no SCP binds it, the RCP does.
                new Case("stranger without RCP", mayDelete, List.of(), List.of(), SHARED_SECRET_POLICY, strangerDeletes),
                new Case("stranger with RCP", mayDelete, List.of(), rcps, SHARED_SECRET_POLICY, strangerDeletes),
                new Case("stranger in another organization", mayDelete, List.of(), rcps, SHARED_SECRET_POLICY,
                        strangerDeletes.inOrganization("o-otherorgid12")),
                new Case("member account of the organization", mayDelete, List.of(fullAwsAccess()), rcps,
                        memberSharedPolicy, memberDeletes.inOrganization(ORG)),
                new Case("same-account admin", mayDelete, List.of(fullAwsAccess()), rcps, null,
                        new Request(ADMIN, "secretsmanager:DeleteSecret", SECRET, Map.of()).inOrganization(ORG))));

        assertEquals(IamSimulator.expected(
                "stranger without RCP", Allowed,
                "stranger with RCP", ExplicitlyDenied,
                "stranger in another organization", ExplicitlyDenied,
                "member account of the organization", Allowed,
                "same-account admin", Allowed), decisions);
    }

    @Test
    void rcpBindsEveryoneInsideTheOrganizationToo() {
        List<JsonObject> mayDelete = List.of(allow("secretsmanager:DeleteSecret"));
        List<JsonObject> rcps = List.of(RCP_ORGANIZATION_ONLY, RCP_NO_FORCED_SECRET_DELETION);
        Request forced = new Request(ADMIN, "secretsmanager:DeleteSecret", SECRET,
                Map.of("secretsmanager:ForceDeleteWithoutRecovery", "true")).inOrganization(ORG);
        Request withWindow = new Request(ADMIN, "secretsmanager:DeleteSecret", SECRET,
                Map.of("secretsmanager:RecoveryWindowInDays", "30")).inOrganization(ORG);

        Map<String, Decision> decisions = IamSimulator.decisions(List.of(
                new Case("forced deletion", mayDelete, List.of(fullAwsAccess()), rcps, null, forced),
                new Case("deletion with a window", mayDelete, List.of(fullAwsAccess()), rcps, null, withWindow)));

        assertEquals(IamSimulator.expected(
                "forced deletion", ExplicitlyDenied,
                "deletion with a window", Allowed), decisions);
    }

    @Test
    void rcpSparesAwsServicePrincipalsAsAwsExamplesExemptThem() {
        JsonObject keyPolicy = policy("""
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"},
                   "Action": "kms:Decrypt", "Resource": "*",
                   "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}
                """);
        JsonObject withoutServiceExemption = policy(RCP_ORGANIZATION_ONLY.toString()
                .replace(",\"BoolIfExists\":{\"aws:PrincipalIsAWSService\":\"false\"}", ""));
        Request logsDecrypts = new Request("logs.us-east-1.amazonaws.com", "kms:Decrypt", KEY,
                Map.of("aws:SourceAccount", ACCOUNT));

        Map<String, Decision> decisions = IamSimulator.decisions(List.of(
                new Case("service with the exemption", List.of(), List.of(), List.of(RCP_ORGANIZATION_ONLY), keyPolicy,
                        logsDecrypts),
                // A service principal has no organization; without the exemption the RCP denies it.
                new Case("service without the exemption", List.of(), List.of(), List.of(withoutServiceExemption),
                        keyPolicy, logsDecrypts)));

        assertEquals(IamSimulator.expected(
                "service with the exemption", Allowed,
                "service without the exemption", ExplicitlyDenied), decisions);
    }

    @Test
    void rcpsWhereAwsAppliesNoneFailTheCall() {
        Case serviceLinked = new Case("service-linked role", List.of(allow("kms:Decrypt")), List.of(),
                List.of(RCP_ORGANIZATION_ONLY), KEY_POLICY_TRUSTING_ACCOUNT,
                new Request("arn:aws:iam::" + ACCOUNT + ":role/aws-service-role/x.amazonaws.com/AWSServiceRoleForX",
                        "kms:Decrypt", KEY, Map.of()));
        Case unsupportedService = new Case("SNS publish", List.of(allow("sns:Publish")), List.of(),
                List.of(RCP_ORGANIZATION_ONLY), null, new Request(ADMIN, "sns:Publish", TOPIC, Map.of()));
        Case notAnOrganization = new Case("bad organization id", List.of(allow("kms:Decrypt")), List.of(), List.of(),
                KEY_POLICY_TRUSTING_ACCOUNT, new Request(ADMIN, "kms:Decrypt", KEY, Map.of()).inOrganization("org-1"));

        for (Case invalid : List.of(serviceLinked, unsupportedService, notAnOrganization)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> IamSimulator.decide(invalid), invalid.name());
            assertContains(error.getMessage(), "case \"" + invalid.name() + "\"");
        }
        assertContains(assertThrows(IllegalArgumentException.class, () -> IamSimulator.decide(unsupportedService))
                .getMessage(), "RCPs do not apply to sns:Publish");
    }

    @Test
    void libraryValidationErrorsFailTheCall() {
        JsonObject withoutResource = policy("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "kms:Decrypt"}]}
                """);
        Case invalid = new Case("identity policy without Resource", List.of(withoutResource), List.of(),
                KEY_POLICY_TRUSTING_ACCOUNT, new Request(ADMIN, "kms:Decrypt", KEY, Map.of()));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> IamSimulator.decide(invalid));

        assertContains(error.getMessage(), "case \"identity policy without Resource\"");
        assertContains(error.getMessage(), "identityPolicies[0] Statement[0]: One of Resource or NotResource is required");
    }

    @Test
    void contextKeysTheLibraryWouldIgnoreFailTheCall() {
        Case misspelled = keyCase("misspelled key", allow("kms:ScheduleKeyDeletion"), List.of(), ADMIN,
                "kms:ScheduleKeyDeletion", Map.of("kms:ScheduleKeyDeletionPendingWindowInDay", "7"));

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> IamSimulator.decide(misspelled));

        assertContains(error.getMessage(), "ignores context key \"kms:ScheduleKeyDeletionPendingWindowInDay\"");
    }

    @Test
    void scpsOnAServicePrincipalFailTheCall() {
        Case withScps = new Case("service principal with SCPs", List.of(), List.of(fullAwsAccess()), null,
                new Request("cloudwatch.amazonaws.com", "sns:Publish", TOPIC, Map.of()));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> IamSimulator.decide(withScps));

        assertContains(error.getMessage(), "SCPs do not apply to cloudwatch.amazonaws.com");
    }

    @Test
    void wildcardOnlyActionsNeedTheResourceAccount() {
        JsonObject mayCreate = allow("kms:CreateKey");
        Case withoutAccount = new Case("create key, account unknown", List.of(mayCreate), List.of(), null,
                new Request(ADMIN, "kms:CreateKey", "*", Map.of()));
        Case withAccount = new Case("create key", List.of(mayCreate), List.of(), null,
                new Request(ADMIN, "kms:CreateKey", "*", ACCOUNT, Map.of()));

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> IamSimulator.decide(withoutAccount));

        assertContains(error.getMessage(), "request.resourceAccount is required");
        assertEquals(Allowed, IamSimulator.decide(withAccount));
    }

    @Test
    void caseNamesMustBeUnique() {
        Case first = keyCase("same name", allow("kms:Decrypt"), List.of(), ADMIN, "kms:Decrypt", Map.of());
        Case second = keyCase("same name", allow("kms:Decrypt"), List.of(), BREAK_GLASS, "kms:Decrypt", Map.of());

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> IamSimulator.decisions(List.of(first, second)));

        assertContains(error.getMessage(), "two cases are named \"same name\"");
    }

    private static Case keyCase(String name, JsonObject identityPolicy, List<JsonObject> scps, String principal,
            String action, Map<String, String> context) {
        return new Case(name, List.of(identityPolicy), scps, KEY_POLICY_TRUSTING_ACCOUNT,
                new Request(principal, action, KEY, context));
    }

    private static Case topicCase(String name, String principal, Map<String, String> context, JsonObject topicPolicy) {
        return new Case(name, List.of(), List.of(), topicPolicy, new Request(principal, "sns:Publish", TOPIC, context));
    }

    private static JsonObject allow(String... actions) {
        JsonObject policy = policy("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Resource": "*"}]}
                """);
        JsonArray actionList = new JsonArray();
        for (String action : actions) {
            actionList.add(action);
        }
        policy.getAsJsonArray("Statement").get(0).getAsJsonObject().add("Action", actionList);
        return policy;
    }

    private static JsonObject policy(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static String role(String account, String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }


    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected to find \"" + part + "\" in:\n" + text);
    }
}
