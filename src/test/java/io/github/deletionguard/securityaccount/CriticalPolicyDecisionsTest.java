package io.github.deletionguard.securityaccount;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.plan.StackFile;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.IamSimulator;
import io.github.deletionguard.testing.IamSimulator.Case;
import io.github.deletionguard.testing.IamSimulator.Decision;
import io.github.deletionguard.testing.IamSimulator.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.deletionguard.testing.IamSimulator.Decision.Allowed;
import static io.github.deletionguard.testing.IamSimulator.Decision.ExplicitlyDenied;
import static io.github.deletionguard.testing.IamSimulator.Decision.ImplicitlyDenied;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The prod key and secret policies, as rendered for deployment, decided by iam-simulate (not by
 * our own reading of IAM). KMS trusts identity policies only through the key policy's
 * account-root statement, and a cross-account caller needs an Allow on both sides, so each case
 * gives the caller the identity policy it would have and lets the resource policy decide.
 */
class CriticalPolicyDecisionsTest {
    private static final String SECURITY = "222222222222";
    private static final String PAYMENTS = "444444444444";
    private static final String DATA = "055555555555";
    private static final String LOG_ARCHIVE = "333333333333";
    private static final String PAYMENTS_API = role(PAYMENTS, "payments-api");
    private static final String PAYMENTS_FRONTEND = role(PAYMENTS, "payments-frontend");
    private static final String DATA_ETL = role(DATA, "etl");
    private static final String SECURITY_ADMIN = role(SECURITY, "OrganizationAccountAccessRole");
    private static final String HOME = "eu-central-1";
    private static final String REPLICA = "eu-west-1";
    private static final String DB_MASTER_ARN = "arn:aws:secretsmanager:" + HOME + ":" + SECURITY + ":secret:payments/db-master-AbC123";
    private static final String WAREHOUSE_ARN = "arn:aws:secretsmanager:" + HOME + ":" + SECURITY + ":secret:data/warehouse-readonly-XyZ789";

    private static VaultPolicies policies;

    @BeforeAll
    static void renderProdPolicies() {
        GuardConfig config = ConfigBuilder.stackFile("prod").load();
        policies = VaultPolicies.render(config, PolicyFiles.inProjectRoot());
    }

    @Test
    void onlyListedWorkloadsUseTheKeyAndOnlyThroughTheirServices() {
        JsonObject keyPolicy = keyPolicy("payments-data", HOME);
        String key = keyArn(HOME, "mrk-1");
        Map<String, String> viaS3 = Map.of("kms:ViaService", "s3." + HOME + ".amazonaws.com");
        List<Case> cases = List.of(
                new Case("listed role decrypts through S3", List.of(allow("kms:Decrypt")), List.of(), keyPolicy,
                        new Request(PAYMENTS_API, "kms:Decrypt", key, viaS3)),
                new Case("listed role generates a data key through DynamoDB", List.of(allow("kms:GenerateDataKey")), List.of(),
                        keyPolicy, new Request(PAYMENTS_API, "kms:GenerateDataKey", key,
                        Map.of("kms:ViaService", "dynamodb." + HOME + ".amazonaws.com"))),
                new Case("listed role decrypts directly", List.of(allow("kms:Decrypt")), List.of(), keyPolicy,
                        new Request(PAYMENTS_API, "kms:Decrypt", key, Map.of())),
                new Case("listed role decrypts through an unlisted service", List.of(allow("kms:Decrypt")), List.of(), keyPolicy,
                        new Request(PAYMENTS_API, "kms:Decrypt", key, Map.of("kms:ViaService", "sqs." + HOME + ".amazonaws.com"))),
                new Case("listed role without an identity policy", List.of(), List.of(), keyPolicy,
                        new Request(PAYMENTS_API, "kms:Decrypt", key, viaS3)),
                new Case("unlisted role of the same member account", List.of(allow("kms:*")), List.of(), keyPolicy,
                        new Request(PAYMENTS_FRONTEND, "kms:Decrypt", key, viaS3)),
                new Case("listed role lets S3 create a grant", List.of(allow("kms:CreateGrant")), List.of(), keyPolicy,
                        new Request(PAYMENTS_API, "kms:CreateGrant", key, Map.of("kms:GrantIsForAWSResource", "true"))),
                new Case("listed role grants to itself", List.of(allow("kms:CreateGrant")), List.of(), keyPolicy,
                        new Request(PAYMENTS_API, "kms:CreateGrant", key, Map.of("kms:GrantIsForAWSResource", "false"))));

        assertEquals(IamSimulator.expected(
                "listed role decrypts through S3", Allowed,
                "listed role generates a data key through DynamoDB", Allowed,
                "listed role decrypts directly", ImplicitlyDenied,
                "listed role decrypts through an unlisted service", ImplicitlyDenied,
                "listed role without an identity policy", ImplicitlyDenied,
                "unlisted role of the same member account", ImplicitlyDenied,
                "listed role lets S3 create a grant", Allowed,
                "listed role grants to itself", ImplicitlyDenied), IamSimulator.decisions(cases));
    }

    @Test
    void aListedAccountDelegatesToItsOwnRolesAndOtherAccountsGetNothing() {
        JsonObject keyPolicy = keyPolicy("data-lake", HOME);
        String key = keyArn(HOME, "1234abcd-12ab-34cd-56ef-1234567890ab");
        Map<String, String> viaS3 = Map.of("kms:ViaService", "s3." + HOME + ".amazonaws.com");
        List<Case> cases = List.of(
                new Case("role of the listed account", List.of(allow("kms:Encrypt")), List.of(), keyPolicy,
                        new Request(DATA_ETL, "kms:Encrypt", key, viaS3)),
                new Case("role of another member account", List.of(allow("kms:*")), List.of(), keyPolicy,
                        new Request(role(LOG_ARCHIVE, "etl"), "kms:Encrypt", key, viaS3)),
                new Case("role of the listed account schedules deletion", List.of(allow("kms:*")), List.of(), keyPolicy,
                        new Request(DATA_ETL, "kms:ScheduleKeyDeletion", key,
                                Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", "30"))));

        assertEquals(IamSimulator.expected(
                "role of the listed account", Allowed,
                "role of another member account", ImplicitlyDenied,
                "role of the listed account schedules deletion", ExplicitlyDenied), IamSimulator.decisions(cases));
    }

    @Test
    void workloadPrincipalsCannotDeleteDisableOrReconfigureTheKey() {
        List<Case> cases = new ArrayList<>();
        Map<String, Decision> expected = new LinkedHashMap<>();
        // A workload role whose own account grants it everything: the key policy alone must stop it.
        for (String region : List.of(HOME, REPLICA)) {
            JsonObject keyPolicy = keyPolicy("payments-data", region);
            for (String action : List.of("kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy",
                    "kms:DisableKeyRotation", "kms:UpdatePrimaryRegion")) {
                String name = PAYMENTS_API + " " + action + " in " + region;
                Map<String, String> context = action.equals("kms:ScheduleKeyDeletion")
                        ? Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", "30") : Map.of();
                cases.add(new Case(name, List.of(allow("kms:*")), List.of(), keyPolicy,
                        new Request(PAYMENTS_API, action, keyArn(region, "mrk-1"), context)));
                expected.put(name, ExplicitlyDenied);
            }
        }

        assertEquals(expected, IamSimulator.decisions(cases));
    }

    @Test
    void theSecurityAccountAdministersTheKeyButNeverWithAShortWindow() {
        JsonObject keyPolicy = keyPolicy("payments-data", HOME);
        String key = keyArn(HOME, "mrk-1");
        List<JsonObject> administrator = List.of(allow("*"));
        List<Case> cases = List.of(
                new Case("admin puts the key policy", administrator, List.of(), keyPolicy,
                        new Request(SECURITY_ADMIN, "kms:PutKeyPolicy", key, Map.of())),
                new Case("admin disables the key", administrator, List.of(), keyPolicy,
                        new Request(SECURITY_ADMIN, "kms:DisableKey", key, Map.of())),
                new Case("admin decrypts directly", administrator, List.of(), keyPolicy,
                        new Request(SECURITY_ADMIN, "kms:Decrypt", key, Map.of())),
                new Case("admin schedules deletion with 30 days", administrator, List.of(), keyPolicy,
                        new Request(SECURITY_ADMIN, "kms:ScheduleKeyDeletion", key,
                                Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", "30"))),
                new Case("admin schedules deletion with KMS's default window", administrator, List.of(), keyPolicy,
                        new Request(SECURITY_ADMIN, "kms:ScheduleKeyDeletion", key, Map.of())),
                new Case("admin schedules deletion with 7 days", administrator, List.of(), keyPolicy,
                        new Request(SECURITY_ADMIN, "kms:ScheduleKeyDeletion", key,
                                Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", "7"))),
                // The key policy trusts the account, not every principal in it.
                new Case("security role without an identity policy", List.of(), List.of(), keyPolicy,
                        new Request(role(SECURITY, "auditor"), "kms:PutKeyPolicy", key, Map.of())));

        assertEquals(IamSimulator.expected(
                "admin puts the key policy", Allowed,
                "admin disables the key", Allowed,
                "admin decrypts directly", Allowed,
                "admin schedules deletion with 30 days", Allowed,
                "admin schedules deletion with KMS's default window", Allowed,
                "admin schedules deletion with 7 days", ExplicitlyDenied,
                "security role without an identity policy", ImplicitlyDenied), IamSimulator.decisions(cases));
    }

    @Test
    void secretReadersDecryptOnlyThroughSecretsManagerWhereTheirSecretLives() {
        JsonObject home = keyPolicy("shared-secrets", HOME);
        JsonObject replica = keyPolicy("shared-secrets", REPLICA);
        List<JsonObject> mayDecrypt = List.of(allow("kms:Decrypt"));
        List<Case> cases = List.of(
                new Case("reader through Secrets Manager", mayDecrypt, List.of(), home,
                        new Request(PAYMENTS_API, "kms:Decrypt", keyArn(HOME, "mrk-2"), viaSecretsManager(HOME))),
                new Case("reader calling KMS directly", mayDecrypt, List.of(), home,
                        new Request(PAYMENTS_API, "kms:Decrypt", keyArn(HOME, "mrk-2"), Map.of())),
                new Case("reader through Secrets Manager at the replica", mayDecrypt, List.of(), replica,
                        new Request(PAYMENTS_API, "kms:Decrypt", keyArn(REPLICA, "mrk-2"), viaSecretsManager(REPLICA))),
                new Case("reader encrypting through Secrets Manager", List.of(allow("kms:GenerateDataKey")), List.of(), home,
                        new Request(PAYMENTS_API, "kms:GenerateDataKey", keyArn(HOME, "mrk-2"), viaSecretsManager(HOME))),
                new Case("reader of an unreplicated secret at the home region", mayDecrypt, List.of(), home,
                        new Request(DATA_ETL, "kms:Decrypt", keyArn(HOME, "mrk-2"), viaSecretsManager(HOME))),
                new Case("reader of an unreplicated secret at the replica", mayDecrypt, List.of(), replica,
                        new Request(DATA_ETL, "kms:Decrypt", keyArn(REPLICA, "mrk-2"), viaSecretsManager(REPLICA))));

        assertEquals(IamSimulator.expected(
                "reader through Secrets Manager", Allowed,
                "reader calling KMS directly", ImplicitlyDenied,
                "reader through Secrets Manager at the replica", Allowed,
                "reader encrypting through Secrets Manager", ImplicitlyDenied,
                "reader of an unreplicated secret at the home region", Allowed,
                "reader of an unreplicated secret at the replica", ImplicitlyDenied), IamSimulator.decisions(cases));
    }

    @Test
    void onlyListedReadersGetTheSecretValueAndNoneOfThemCanDeleteOrChangeIt() {
        JsonObject dbMaster = secretPolicy("payments/db-master");
        JsonObject warehouse = secretPolicy("data/warehouse-readonly");
        List<JsonObject> everything = List.of(allow("secretsmanager:*"));
        List<Case> cases = List.of(
                new Case("reader gets the value", List.of(allow("secretsmanager:GetSecretValue")), List.of(), dbMaster,
                        new Request(PAYMENTS_API, "secretsmanager:GetSecretValue", DB_MASTER_ARN, Map.of())),
                new Case("reader without an identity policy", List.of(), List.of(), dbMaster,
                        new Request(PAYMENTS_API, "secretsmanager:GetSecretValue", DB_MASTER_ARN, Map.of())),
                new Case("unlisted role of the same account", everything, List.of(), dbMaster,
                        new Request(PAYMENTS_FRONTEND, "secretsmanager:GetSecretValue", DB_MASTER_ARN, Map.of())),
                new Case("role of a listed account", List.of(allow("secretsmanager:GetSecretValue")), List.of(), warehouse,
                        new Request(DATA_ETL, "secretsmanager:GetSecretValue", WAREHOUSE_ARN, Map.of())),
                new Case("reader deletes", everything, List.of(), dbMaster,
                        new Request(PAYMENTS_API, "secretsmanager:DeleteSecret", DB_MASTER_ARN, Map.of())),
                new Case("reader replaces the policy", everything, List.of(), dbMaster,
                        new Request(PAYMENTS_API, "secretsmanager:PutResourcePolicy", DB_MASTER_ARN, Map.of())),
                new Case("reader overwrites the value", everything, List.of(), dbMaster,
                        new Request(PAYMENTS_API, "secretsmanager:PutSecretValue", DB_MASTER_ARN, Map.of())),
                new Case("reader removes the replica", everything, List.of(), dbMaster,
                        new Request(PAYMENTS_API, "secretsmanager:RemoveRegionsFromReplication", DB_MASTER_ARN, Map.of())),
                new Case("reader of a listed account deletes", everything, List.of(), warehouse,
                        new Request(DATA_ETL, "secretsmanager:DeleteSecret", WAREHOUSE_ARN, Map.of())));

        assertEquals(IamSimulator.expected(
                "reader gets the value", Allowed,
                "reader without an identity policy", ImplicitlyDenied,
                "unlisted role of the same account", ImplicitlyDenied,
                "role of a listed account", Allowed,
                "reader deletes", ExplicitlyDenied,
                "reader replaces the policy", ExplicitlyDenied,
                "reader overwrites the value", ExplicitlyDenied,
                "reader removes the replica", ExplicitlyDenied,
                "reader of a listed account deletes", ExplicitlyDenied), IamSimulator.decisions(cases));
    }

    @Test
    void theSecurityAccountDeletesASecretOnlyWithItsRecoveryWindow() {
        JsonObject dbMaster = secretPolicy("payments/db-master");
        JsonObject warehouse = secretPolicy("data/warehouse-readonly");
        List<JsonObject> administrator = List.of(allow("*"));
        List<Case> cases = List.of(
                new Case("default 30-day window", administrator, List.of(), dbMaster,
                        new Request(SECURITY_ADMIN, "secretsmanager:DeleteSecret", DB_MASTER_ARN, Map.of())),
                new Case("30 days", administrator, List.of(), dbMaster,
                        new Request(SECURITY_ADMIN, "secretsmanager:DeleteSecret", DB_MASTER_ARN,
                                Map.of("secretsmanager:RecoveryWindowInDays", "30"))),
                new Case("7 days", administrator, List.of(), dbMaster,
                        new Request(SECURITY_ADMIN, "secretsmanager:DeleteSecret", DB_MASTER_ARN,
                                Map.of("secretsmanager:RecoveryWindowInDays", "7"))),
                new Case("without recovery", administrator, List.of(), dbMaster,
                        new Request(SECURITY_ADMIN, "secretsmanager:DeleteSecret", DB_MASTER_ARN,
                                Map.of("secretsmanager:ForceDeleteWithoutRecovery", "true"))),
                new Case("14 days where 14 are configured", administrator, List.of(), warehouse,
                        new Request(SECURITY_ADMIN, "secretsmanager:DeleteSecret", WAREHOUSE_ARN,
                                Map.of("secretsmanager:RecoveryWindowInDays", "14"))),
                new Case("13 days where 14 are configured", administrator, List.of(), warehouse,
                        new Request(SECURITY_ADMIN, "secretsmanager:DeleteSecret", WAREHOUSE_ARN,
                                Map.of("secretsmanager:RecoveryWindowInDays", "13"))),
                new Case("admin updates the policy", administrator, List.of(), dbMaster,
                        new Request(SECURITY_ADMIN, "secretsmanager:PutResourcePolicy", DB_MASTER_ARN, Map.of())));

        assertEquals(IamSimulator.expected(
                "default 30-day window", Allowed,
                "30 days", Allowed,
                "7 days", ExplicitlyDenied,
                "without recovery", ExplicitlyDenied,
                "14 days where 14 are configured", Allowed,
                "13 days where 14 are configured", ExplicitlyDenied,
                "admin updates the policy", Allowed), IamSimulator.decisions(cases));
    }

    private static JsonObject keyPolicy(String alias, String region) {
        return JsonParser.parseString(policies.keyPolicy(alias, region)).getAsJsonObject();
    }

    private static JsonObject secretPolicy(String name) {
        return JsonParser.parseString(policies.secretPolicy(name)).getAsJsonObject();
    }

    private static String keyArn(String region, String keyId) {
        return "arn:aws:kms:" + region + ":" + SECURITY + ":key/" + keyId;
    }

    private static Map<String, String> viaSecretsManager(String region) {
        return Map.of("kms:ViaService", "secretsmanager." + region + ".amazonaws.com");
    }

    private static JsonObject allow(String action) {
        JsonObject statement = new JsonObject();
        statement.addProperty("Effect", "Allow");
        statement.addProperty("Action", action);
        statement.addProperty("Resource", "*");
        JsonObject policy = new JsonObject();
        policy.addProperty("Version", "2012-10-17");
        com.google.gson.JsonArray statements = new com.google.gson.JsonArray();
        statements.add(statement);
        policy.add("Statement", statements);
        return policy;
    }

    private static String role(String account, String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }

}
