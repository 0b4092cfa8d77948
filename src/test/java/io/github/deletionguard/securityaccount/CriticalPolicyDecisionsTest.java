package io.github.deletionguard.securityaccount;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.plan.StackFile;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.IamSimulator;
import io.github.deletionguard.testing.IamSimulator.Case;
import io.github.deletionguard.testing.IamSimulator.DecisionTable;
import io.github.deletionguard.testing.IamSimulator.Request;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    /** The deployer: the access role Pulumi runs as in the security account. */
    private static final String SECURITY_ADMIN = role(SECURITY, "OrganizationAccountAccessRole");
    private static final String SECURITY_OTHER_ADMIN = role(SECURITY, "Admin");
    private static final String PAYMENTS_DB_ROTATION = role(PAYMENTS, "payments-db-rotation");
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
        DecisionTable table = new DecisionTable("onlyListedWorkloadsUseTheKeyAndOnlyThroughTheirServices");
        table.expect(Allowed, new Case("listed role decrypts through S3", List.of(allow("kms:Decrypt")), List.of(), keyPolicy,
                        new Request(PAYMENTS_API, "kms:Decrypt", key, viaS3)));
        table.expect(Allowed, new Case("listed role generates a data key through DynamoDB", List.of(allow("kms:GenerateDataKey")), List.of(),
                        keyPolicy, new Request(PAYMENTS_API, "kms:GenerateDataKey", key,
                        Map.of("kms:ViaService", "dynamodb." + HOME + ".amazonaws.com"))));
        table.expect(ImplicitlyDenied, new Case("listed role decrypts directly", List.of(allow("kms:Decrypt")), List.of(), keyPolicy,
                        new Request(PAYMENTS_API, "kms:Decrypt", key, Map.of())));
        table.expect(ImplicitlyDenied, new Case("listed role decrypts through an unlisted service", List.of(allow("kms:Decrypt")), List.of(), keyPolicy,
                        new Request(PAYMENTS_API, "kms:Decrypt", key, Map.of("kms:ViaService", "sqs." + HOME + ".amazonaws.com"))));
        table.expect(ImplicitlyDenied, new Case("listed role without an identity policy", List.of(), List.of(), keyPolicy,
                        new Request(PAYMENTS_API, "kms:Decrypt", key, viaS3)));
        table.expect(ImplicitlyDenied, new Case("unlisted role of the same member account", List.of(allow("kms:*")), List.of(), keyPolicy,
                        new Request(PAYMENTS_FRONTEND, "kms:Decrypt", key, viaS3)));
        table.expect(Allowed, new Case("listed role lets S3 create a grant", List.of(allow("kms:CreateGrant")), List.of(), keyPolicy,
                        new Request(PAYMENTS_API, "kms:CreateGrant", key, Map.of("kms:GrantIsForAWSResource", "true"))));
        table.expect(ImplicitlyDenied, new Case("listed role grants to itself", List.of(allow("kms:CreateGrant")), List.of(), keyPolicy,
                        new Request(PAYMENTS_API, "kms:CreateGrant", key, Map.of("kms:GrantIsForAWSResource", "false"))));

        table.assertDecisions();
    }

    @Test
    void aListedAccountDelegatesToItsOwnRolesAndOtherAccountsGetNothing() {
        JsonObject keyPolicy = keyPolicy("data-lake", HOME);
        String key = keyArn(HOME, "1234abcd-12ab-34cd-56ef-1234567890ab");
        Map<String, String> viaS3 = Map.of("kms:ViaService", "s3." + HOME + ".amazonaws.com");
        DecisionTable table = new DecisionTable("aListedAccountDelegatesToItsOwnRolesAndOtherAccountsGetNothing");
        table.expect(Allowed, new Case("role of the listed account", List.of(allow("kms:Encrypt")), List.of(), keyPolicy,
                        new Request(DATA_ETL, "kms:Encrypt", key, viaS3)));
        table.expect(ImplicitlyDenied, new Case("role of another member account", List.of(allow("kms:*")), List.of(), keyPolicy,
                        new Request(role(LOG_ARCHIVE, "etl"), "kms:Encrypt", key, viaS3)));
        table.expect(ExplicitlyDenied, new Case("role of the listed account schedules deletion", List.of(allow("kms:*")), List.of(), keyPolicy,
                        new Request(DATA_ETL, "kms:ScheduleKeyDeletion", key,
                                Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", "30"))));

        table.assertDecisions();
    }

    @Test
    void workloadPrincipalsCannotDeleteDisableOrReconfigureTheKey() {
        DecisionTable table = new DecisionTable("workloadPrincipalsCannotDeleteDisableOrReconfigureTheKey");
        // A workload role whose own account grants it everything: the key policy alone must stop it.
        for (String region : List.of(HOME, REPLICA)) {
            JsonObject keyPolicy = keyPolicy("payments-data", region);
            for (String action : List.of("kms:ScheduleKeyDeletion", "kms:DisableKey", "kms:PutKeyPolicy",
                    "kms:DisableKeyRotation", "kms:UpdatePrimaryRegion", "kms:ReplicateKey")) {
                String name = PAYMENTS_API + " " + action + " in " + region;
                Map<String, String> context = action.equals("kms:ScheduleKeyDeletion")
                        ? Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", "30") : Map.of();
                table.expect(ExplicitlyDenied, new Case(name, List.of(allow("kms:*")), List.of(), keyPolicy,
                        new Request(PAYMENTS_API, action, keyArn(region, "mrk-1"), context)));
            }
        }

        table.assertDecisions();
    }

    @Test
    void theSecurityAccountAdministersTheKeyButNeverWithAShortWindow() {
        JsonObject keyPolicy = keyPolicy("payments-data", HOME);
        String key = keyArn(HOME, "mrk-1");
        List<JsonObject> administrator = List.of(allow("*"));
        DecisionTable table = new DecisionTable("theSecurityAccountAdministersTheKeyButNeverWithAShortWindow");
        table.expect(Allowed, new Case("admin puts the key policy", administrator, List.of(), keyPolicy,
                        new Request(SECURITY_ADMIN, "kms:PutKeyPolicy", key, Map.of())));
        table.expect(Allowed, new Case("admin disables the key", administrator, List.of(), keyPolicy,
                        new Request(SECURITY_ADMIN, "kms:DisableKey", key, Map.of())));
        table.expect(Allowed, new Case("admin decrypts directly", administrator, List.of(), keyPolicy,
                        new Request(SECURITY_ADMIN, "kms:Decrypt", key, Map.of())));
        table.expect(Allowed, new Case("admin schedules deletion with 30 days", administrator, List.of(), keyPolicy,
                        new Request(SECURITY_ADMIN, "kms:ScheduleKeyDeletion", key,
                                Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", "30"))));
        table.expect(Allowed, new Case("admin schedules deletion with KMS's default window", administrator, List.of(), keyPolicy,
                        new Request(SECURITY_ADMIN, "kms:ScheduleKeyDeletion", key, Map.of())));
        table.expect(ExplicitlyDenied, new Case("admin schedules deletion with 7 days", administrator, List.of(), keyPolicy,
                        new Request(SECURITY_ADMIN, "kms:ScheduleKeyDeletion", key,
                                Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", "7"))));
        // The key policy trusts the account, not every principal in it.
        table.expect(ImplicitlyDenied, new Case("security role without an identity policy", List.of(), List.of(), keyPolicy,
                        new Request(role(SECURITY, "auditor"), "kms:DisableKey", key, Map.of())));

        table.assertDecisions();
    }

    @Test
    void secretReadersDecryptOnlyThroughSecretsManagerWhereTheirSecretLives() {
        JsonObject home = keyPolicy("shared-secrets", HOME);
        JsonObject replica = keyPolicy("shared-secrets", REPLICA);
        List<JsonObject> mayDecrypt = List.of(allow("kms:Decrypt"));
        DecisionTable table = new DecisionTable("secretReadersDecryptOnlyThroughSecretsManagerWhereTheirSecretLives");
        table.expect(Allowed, new Case("reader through Secrets Manager", mayDecrypt, List.of(), home,
                        new Request(PAYMENTS_API, "kms:Decrypt", keyArn(HOME, "mrk-2"), viaSecretsManager(HOME))));
        table.expect(ImplicitlyDenied, new Case("reader calling KMS directly", mayDecrypt, List.of(), home,
                        new Request(PAYMENTS_API, "kms:Decrypt", keyArn(HOME, "mrk-2"), Map.of())));
        table.expect(Allowed, new Case("reader through Secrets Manager at the replica", mayDecrypt, List.of(), replica,
                        new Request(PAYMENTS_API, "kms:Decrypt", keyArn(REPLICA, "mrk-2"), viaSecretsManager(REPLICA))));
        table.expect(ImplicitlyDenied, new Case("reader encrypting through Secrets Manager", List.of(allow("kms:GenerateDataKey")), List.of(), home,
                        new Request(PAYMENTS_API, "kms:GenerateDataKey", keyArn(HOME, "mrk-2"), viaSecretsManager(HOME))));
        table.expect(Allowed, new Case("reader of an unreplicated secret at the home region", mayDecrypt, List.of(), home,
                        new Request(DATA_ETL, "kms:Decrypt", keyArn(HOME, "mrk-2"), viaSecretsManager(HOME))));
        table.expect(ImplicitlyDenied, new Case("reader of an unreplicated secret at the replica", mayDecrypt, List.of(), replica,
                        new Request(DATA_ETL, "kms:Decrypt", keyArn(REPLICA, "mrk-2"), viaSecretsManager(REPLICA))));

        table.assertDecisions();
    }

    @Test
    void onlyListedReadersGetTheSecretValueAndNoneOfThemCanDeleteOrChangeIt() {
        JsonObject dbMaster = secretPolicy("payments/db-master");
        JsonObject warehouse = secretPolicy("data/warehouse-readonly");
        List<JsonObject> everything = List.of(allow("secretsmanager:*"));
        DecisionTable table = new DecisionTable("onlyListedReadersGetTheSecretValueAndNoneOfThemCanDeleteOrChangeIt");
        table.expect(Allowed, new Case("reader gets the value", List.of(allow("secretsmanager:GetSecretValue")), List.of(), dbMaster,
                        new Request(PAYMENTS_API, "secretsmanager:GetSecretValue", DB_MASTER_ARN, Map.of())));
        table.expect(ImplicitlyDenied, new Case("reader without an identity policy", List.of(), List.of(), dbMaster,
                        new Request(PAYMENTS_API, "secretsmanager:GetSecretValue", DB_MASTER_ARN, Map.of())));
        table.expect(ImplicitlyDenied, new Case("unlisted role of the same account", everything, List.of(), dbMaster,
                        new Request(PAYMENTS_FRONTEND, "secretsmanager:GetSecretValue", DB_MASTER_ARN, Map.of())));
        table.expect(Allowed, new Case("role of a listed account", List.of(allow("secretsmanager:GetSecretValue")), List.of(), warehouse,
                        new Request(DATA_ETL, "secretsmanager:GetSecretValue", WAREHOUSE_ARN, Map.of())));
        table.expect(ExplicitlyDenied, new Case("reader deletes", everything, List.of(), dbMaster,
                        new Request(PAYMENTS_API, "secretsmanager:DeleteSecret", DB_MASTER_ARN, Map.of())));
        table.expect(ExplicitlyDenied, new Case("reader replaces the policy", everything, List.of(), dbMaster,
                        new Request(PAYMENTS_API, "secretsmanager:PutResourcePolicy", DB_MASTER_ARN, Map.of())));
        table.expect(ExplicitlyDenied, new Case("reader overwrites the value", everything, List.of(), dbMaster,
                        new Request(PAYMENTS_API, "secretsmanager:PutSecretValue", DB_MASTER_ARN, Map.of())));
        table.expect(ExplicitlyDenied, new Case("reader removes the replica", everything, List.of(), dbMaster,
                        new Request(PAYMENTS_API, "secretsmanager:RemoveRegionsFromReplication", DB_MASTER_ARN, Map.of())));
        table.expect(ExplicitlyDenied, new Case("reader of a listed account deletes", everything, List.of(), warehouse,
                        new Request(DATA_ETL, "secretsmanager:DeleteSecret", WAREHOUSE_ARN, Map.of())));

        table.assertDecisions();
    }

    @Test
    void theSecurityAccountDeletesASecretOnlyWithItsRecoveryWindow() {
        JsonObject dbMaster = secretPolicy("payments/db-master");
        JsonObject warehouse = secretPolicy("data/warehouse-readonly");
        List<JsonObject> administrator = List.of(allow("*"));
        DecisionTable table = new DecisionTable("theSecurityAccountDeletesASecretOnlyWithItsRecoveryWindow");
        table.expect(Allowed, new Case("default 30-day window", administrator, List.of(), dbMaster,
                        new Request(SECURITY_ADMIN, "secretsmanager:DeleteSecret", DB_MASTER_ARN, Map.of())));
        table.expect(Allowed, new Case("30 days", administrator, List.of(), dbMaster,
                        new Request(SECURITY_ADMIN, "secretsmanager:DeleteSecret", DB_MASTER_ARN,
                                Map.of("secretsmanager:RecoveryWindowInDays", "30"))));
        table.expect(ExplicitlyDenied, new Case("7 days", administrator, List.of(), dbMaster,
                        new Request(SECURITY_ADMIN, "secretsmanager:DeleteSecret", DB_MASTER_ARN,
                                Map.of("secretsmanager:RecoveryWindowInDays", "7"))));
        table.expect(ExplicitlyDenied, new Case("without recovery", administrator, List.of(), dbMaster,
                        new Request(SECURITY_ADMIN, "secretsmanager:DeleteSecret", DB_MASTER_ARN,
                                Map.of("secretsmanager:ForceDeleteWithoutRecovery", "true"))));
        table.expect(Allowed, new Case("14 days where 14 are configured", administrator, List.of(), warehouse,
                        new Request(SECURITY_ADMIN, "secretsmanager:DeleteSecret", WAREHOUSE_ARN,
                                Map.of("secretsmanager:RecoveryWindowInDays", "14"))));
        table.expect(ExplicitlyDenied, new Case("13 days where 14 are configured", administrator, List.of(), warehouse,
                        new Request(SECURITY_ADMIN, "secretsmanager:DeleteSecret", WAREHOUSE_ARN,
                                Map.of("secretsmanager:RecoveryWindowInDays", "13"))));
        table.expect(Allowed, new Case("admin updates the policy", administrator, List.of(), dbMaster,
                        new Request(SECURITY_ADMIN, "secretsmanager:PutResourcePolicy", DB_MASTER_ARN, Map.of())));

        table.assertDecisions();
    }

    /**
     * Any admin of the security account has kms:* through the key policy's account statement, so
     * the key policy itself must keep everyone but the deployer from rewriting it or moving the key.
     */
    @Test
    void onlyTheDeployerRewritesTheKeyPolicyOrMovesTheKey() {
        DecisionTable table = new DecisionTable("onlyTheDeployerRewritesTheKeyPolicyOrMovesTheKey");
        List<JsonObject> administrator = List.of(allow("*"));
        for (String region : List.of(HOME, REPLICA)) {
            JsonObject keyPolicy = keyPolicy("payments-data", region);
            String key = keyArn(region, "mrk-1");
            for (String action : List.of("kms:PutKeyPolicy", "kms:ReplicateKey", "kms:UpdatePrimaryRegion")) {
                table.expect(ExplicitlyDenied, new Case("security admin " + action + " in " + region, administrator, List.of(),
                        keyPolicy, new Request(SECURITY_OTHER_ADMIN, action, key, Map.of())));
                table.expect(ExplicitlyDenied, new Case("break-glass " + action + " in " + region, administrator, List.of(),
                        keyPolicy, new Request(role(SECURITY, "BreakGlassAdmin"), action, key, Map.of())));
                table.expect(Allowed, new Case("deployer " + action + " in " + region, administrator, List.of(),
                        keyPolicy, new Request(SECURITY_ADMIN, action, key, Map.of())));
            }
            table.expect(Allowed, new Case("security admin disables the key in " + region, administrator, List.of(), keyPolicy,
                    new Request(SECURITY_OTHER_ADMIN, "kms:DisableKey", key, Map.of())));
        }
        table.assertDecisions();
    }

    /**
     * The secret policy keeps every admin but the deployer from changing who may reach the secret,
     * from dropping its replicas and from swapping its key, and everyone but the deployer and the
     * configured writers from overwriting its value (a hundred versions purge the oldest).
     */
    @Test
    void onlyTheDeployerReconfiguresASecretAndOnlyWritersChangeItsValue() {
        JsonObject dbMaster = secretPolicy("payments/db-master");
        JsonObject warehouse = secretPolicy("data/warehouse-readonly");
        List<JsonObject> administrator = List.of(allow("*"));
        DecisionTable table = new DecisionTable("onlyTheDeployerReconfiguresASecretAndOnlyWritersChangeItsValue");
        for (String action : List.of("secretsmanager:PutResourcePolicy", "secretsmanager:DeleteResourcePolicy",
                "secretsmanager:RemoveRegionsFromReplication", "secretsmanager:StopReplicationToReplica",
                "secretsmanager:UpdateSecret", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage")) {
            table.expect(ExplicitlyDenied, new Case("security admin " + action, administrator, List.of(), dbMaster,
                    new Request(SECURITY_OTHER_ADMIN, action, DB_MASTER_ARN, Map.of())));
            table.expect(Allowed, new Case("deployer " + action, administrator, List.of(), dbMaster,
                    new Request(SECURITY_ADMIN, action, DB_MASTER_ARN, Map.of())));
        }
        List<JsonObject> mayWrite = List.of(allow("secretsmanager:*"));
        table.expect(Allowed, new Case("writer puts a value", mayWrite, List.of(), dbMaster,
                new Request(PAYMENTS_DB_ROTATION, "secretsmanager:PutSecretValue", DB_MASTER_ARN, Map.of())));
        table.expect(Allowed, new Case("writer moves a version stage", mayWrite, List.of(), dbMaster,
                new Request(PAYMENTS_DB_ROTATION, "secretsmanager:UpdateSecretVersionStage", DB_MASTER_ARN, Map.of())));
        table.expect(ExplicitlyDenied, new Case("writer deletes", mayWrite, List.of(), dbMaster,
                new Request(PAYMENTS_DB_ROTATION, "secretsmanager:DeleteSecret", DB_MASTER_ARN, Map.of())));
        table.expect(ExplicitlyDenied, new Case("writer replaces the policy", mayWrite, List.of(), dbMaster,
                new Request(PAYMENTS_DB_ROTATION, "secretsmanager:PutResourcePolicy", DB_MASTER_ARN, Map.of())));
        table.expect(ImplicitlyDenied, new Case("writer reads", mayWrite, List.of(), dbMaster,
                new Request(PAYMENTS_DB_ROTATION, "secretsmanager:GetSecretValue", DB_MASTER_ARN, Map.of())));
        table.expect(ExplicitlyDenied, new Case("writer of one secret writes another", mayWrite, List.of(), warehouse,
                new Request(PAYMENTS_DB_ROTATION, "secretsmanager:PutSecretValue", WAREHOUSE_ARN, Map.of())));
        table.expect(ExplicitlyDenied, new Case("reader puts a value", mayWrite, List.of(), dbMaster,
                new Request(PAYMENTS_API, "secretsmanager:PutSecretValue", DB_MASTER_ARN, Map.of())));
        table.assertDecisions();
    }

    @Test
    void writersEncryptNewValuesOnlyThroughSecretsManager() {
        JsonObject home = keyPolicy("shared-secrets", HOME);
        String key = keyArn(HOME, "mrk-2");
        DecisionTable table = new DecisionTable("writersEncryptNewValuesOnlyThroughSecretsManager");
        table.expect(Allowed, new Case("writer generates a data key through Secrets Manager", List.of(allow("kms:*")), List.of(), home,
                new Request(PAYMENTS_DB_ROTATION, "kms:GenerateDataKey", key, viaSecretsManager(HOME))));
        table.expect(ImplicitlyDenied, new Case("writer generates a data key directly", List.of(allow("kms:*")), List.of(), home,
                new Request(PAYMENTS_DB_ROTATION, "kms:GenerateDataKey", key, Map.of())));
        table.expect(ExplicitlyDenied, new Case("writer schedules the key's deletion", List.of(allow("kms:*")), List.of(), home,
                new Request(PAYMENTS_DB_ROTATION, "kms:ScheduleKeyDeletion", key, Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", "30"))));
        table.assertDecisions();
    }

    /** Every action and condition key of every rendered key and secret policy is AWS's own, and one its actions carry. */
    @Test
    void everyActionAndConditionKeyIsInAwsVocabulary() {
        GuardConfig config = ConfigBuilder.stackFile("prod").load();
        Map<String, JsonObject> documents = new TreeMap<>();
        config.criticalResources().keys().forEach(key -> documents.put("key policy of " + key.alias(), keyPolicy(key.alias(), HOME)));
        config.criticalResources().secrets().forEach(secret -> documents.put("policy of " + secret.name(), secretPolicy(secret.name())));

        assertEquals(List.of(), IamSimulator.vocabularyProblems(documents));
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
