package io.github.deletionguard.securityaccount;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.ReplicaKey;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretPolicy;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.sns.Topic;
import com.pulumi.resources.CustomResource;
import com.google.gson.JsonArray;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlanJson;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The security account's critical keys and secrets as the prod and staging stack files deploy them. */
class CriticalVaultTest {
    private static final Class<? extends CustomResource> KEY = Key.class;
    private static final Class<? extends CustomResource> REPLICA_KEY = ReplicaKey.class;
    private static final Class<? extends CustomResource> ALIAS = Alias.class;
    private static final Class<? extends CustomResource> SECRET = Secret.class;
    private static final Class<? extends CustomResource> SECRET_POLICY = SecretPolicy.class;
    private static final Class<? extends CustomResource> SECRET_VERSION = SecretVersion.class;
    private static final String SECURITY_ID = "222222222222";
    private static final PlannedResource.ProviderTarget HOME = new PlannedResource.ProviderTarget(SECURITY_ID, "eu-central-1");
    private static final PlannedResource.ProviderTarget REPLICA = new PlannedResource.ProviderTarget(SECURITY_ID, "eu-west-1");
    private static final String WEBHOOK_KEY = "deletion-guard:paymentsWebhookSigningKey";

    private static final OfflineEngine.Run PROD = Deployments.ofStackFile("prod");

    @Test
    void prodKeysHaveTheirWindowRotationAndPolicyInTheSecurityAccount() {
        Map<String, PlannedResource> keys = byName(PROD, KEY);

        assertEquals(Set.of("critical-key-payments-data-key", "critical-key-data-lake-key", "critical-key-shared-secrets-key"),
                keys.keySet());
        keys.values().forEach(key -> {
            assertEquals(HOME, key.provider().orElseThrow(), key.name());
            assertEquals("30", key.input("deletionWindowInDays"), key.name());
            assertEquals("true", key.input("enableKeyRotation"), key.name());
            assertTrue(key.input("policy").startsWith("{\"Version\":\"2012-10-17\""), key.name());
        });
        assertEquals("180", keys.get("critical-key-payments-data-key").input("rotationPeriodInDays"));
        assertNull(keys.get("critical-key-data-lake-key").input("rotationPeriodInDays"), "KMS's default rotation period");
        assertEquals("true", keys.get("critical-key-payments-data-key").input("multiRegion"));
        assertEquals("false", keys.get("critical-key-data-lake-key").input("multiRegion"));
    }

    @Test
    void multiRegionKeysHaveAReplicaAndTheSameAliasInEachReplicaRegion() {
        Map<String, PlannedResource> replicas = byName(PROD, REPLICA_KEY);

        assertEquals(Set.of("critical-key-payments-data-replica-eu-west-1", "critical-key-shared-secrets-replica-eu-west-1"),
                replicas.keySet());
        replicas.values().forEach(replica -> {
            assertEquals(REPLICA, replica.provider().orElseThrow(), replica.name());
            assertEquals("30", replica.input("deletionWindowInDays"));
            assertTrue(replica.input("primaryKeyArn").startsWith("arn:aws:kms:eu-central-1:" + SECURITY_ID + ":key/mrk-"));
        });
        Map<String, String> aliasRegions = Deployments.ofType(PROD, ALIAS).stream()
                .collect(Collectors.toMap(PlannedResource::name, alias -> alias.input("name") + "@" + alias.provider().orElseThrow().region()));
        assertEquals(Map.of(
                "critical-key-payments-data-alias", "alias/payments-data@eu-central-1",
                "critical-key-payments-data-alias-eu-west-1", "alias/payments-data@eu-west-1",
                "critical-key-data-lake-alias", "alias/data-lake@eu-central-1",
                "critical-key-shared-secrets-alias", "alias/shared-secrets@eu-central-1",
                "critical-key-shared-secrets-alias-eu-west-1", "alias/shared-secrets@eu-west-1"), aliasRegions);
    }

    @Test
    void everyResourceOfACriticalKeyOrSecretIsProtectedAndRetained() {
        List<PlannedResource> vaultResources = PROD.resources().stream()
                .filter(resource -> resource.type().startsWith("aws:"))
                .filter(resource -> resource.urn().contains(CriticalVault.TYPE))
                .toList();

        assertEquals(Deployments.typeTokens(KEY, REPLICA_KEY, ALIAS, SECRET, SECRET_POLICY, SECRET_VERSION),
                vaultResources.stream().map(PlannedResource::type).collect(Collectors.toSet()));
        vaultResources.forEach(resource -> {
            assertTrue(resource.protect(), resource.name() + " is not protected");
            assertTrue(resource.retainOnDelete(), resource.name() + " is not retained on delete");
            assertEquals(SECURITY_ID, resource.provider().orElseThrow().account(), resource.name());
        });
    }

    @Test
    void secretsAreEncryptedWithTheirKeyAndItsReplicaAndKeepTheirRecoveryWindow() {
        Map<String, PlannedResource> secrets = byName(PROD, SECRET);
        String sharedKeyArn = keyArnOf("critical-key-shared-secrets-alias");

        PlannedResource dbMaster = secrets.get("critical-secret-payments/db-master-secret");
        assertEquals("payments/db-master", dbMaster.input("name"));
        assertEquals(sharedKeyArn, dbMaster.input("kmsKeyId"));
        assertEquals("30", dbMaster.input("recoveryWindowInDays"));
        assertEquals(HOME, dbMaster.provider().orElseThrow());
        JsonArray replicas = dbMaster.inputs().getAsJsonArray("replicas");
        assertEquals(1, replicas.size());
        assertEquals("eu-west-1", replicas.get(0).getAsJsonObject().get("region").getAsString());
        assertEquals(sharedKeyArn.replace(":eu-central-1:", ":eu-west-1:"),
                replicas.get(0).getAsJsonObject().get("kmsKeyId").getAsString(), "the multi-Region replica of the same key");
        assertEquals("false", dbMaster.input("forceOverwriteReplicaSecret"));

        assertEquals("14", secrets.get("critical-secret-data/warehouse-readonly-secret").input("recoveryWindowInDays"));
        assertEquals(0, secrets.get("critical-secret-data/warehouse-readonly-secret").inputs().getAsJsonArray("replicas").size());
        byName(PROD, SECRET_POLICY).values().forEach(policy -> assertEquals("true", policy.input("blockPublicPolicy")));
    }

    @Test
    void onlyASecretWithValueFromSecretConfigGetsAVersion() {
        Map<String, PlannedResource> versions = byName(PROD, SECRET_VERSION);

        assertEquals(Set.of("critical-secret-payments/webhook-signing-key-value"), versions.keySet());
        assertEquals("[secret]", versions.values().iterator().next().input("secretString"));
    }

    @Test
    void aSecretValueFromSecretConfigNeverAppearsInThePlanOrTheOutputs() {
        String value = "whsec-3f9a1c0de-never-print-me";
        OfflineEngine.Run run = ConfigBuilder.stackFile("prod").setSecret(WEBHOOK_KEY, value).run();

        assertTrue(run.errors().isEmpty(), () -> run.errors().toString());
        PlannedResource version = byName(run, SECRET_VERSION).get("critical-secret-payments/webhook-signing-key-value");
        assertEquals("[secret]", version.input("secretString"));
        assertEquals(secretArnOf(run, "critical-secret-payments/webhook-signing-key"), version.input("secretId"));
        assertFalse(PlanJson.render(run).contains(value), "the plan JSON (resources and outputs) shows the value");
    }

    @Test
    void stackOutputsGiveKeyArnsAliasesAndSecretArnsOnly() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> keys = (Map<String, Map<String, Object>>) PROD.outputs().get("criticalKeys");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> secrets = (Map<String, Map<String, Object>>) PROD.outputs().get("criticalSecrets");

        assertEquals(Set.of("alias/payments-data", "alias/data-lake", "alias/shared-secrets"), keys.keySet());
        Map<String, Object> paymentsData = keys.get("alias/payments-data");
        assertEquals("alias/payments-data", paymentsData.get("aliasName"));
        assertEquals(keyArnOf("critical-key-payments-data-alias"), paymentsData.get("keyArn"));
        assertEquals("eu-central-1", paymentsData.get("region"));
        assertEquals(Map.of("eu-west-1", keyArnOf("critical-key-payments-data-alias").replace(":eu-central-1:", ":eu-west-1:")),
                paymentsData.get("replicaKeyArns"));

        assertEquals(Set.of("payments/db-master", "payments/webhook-signing-key", "data/warehouse-readonly"), secrets.keySet());
        Map<String, Object> dbMaster = secrets.get("payments/db-master");
        String dbMasterArn = secretArnOf(PROD, "critical-secret-payments/db-master");
        assertEquals(dbMasterArn, dbMaster.get("secretArn"));
        assertEquals("alias/shared-secrets", dbMaster.get("keyAlias"));
        assertEquals(Map.of("eu-west-1", dbMasterArn.replace(":eu-central-1:", ":eu-west-1:")), dbMaster.get("replicaSecretArns"));
        assertEquals(Set.of("secretArn", "keyAlias", "replicaSecretArns"), secrets.get("payments/webhook-signing-key").keySet(),
                "no value among the outputs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "staging"})
    void keyAndSecretPoliciesMatchTheReviewedGoldenFiles(String stack) {
        OfflineEngine.Run run = Deployments.ofStackFile(stack);
        List<PlannedResource> withPolicies = run.resources().stream()
                .filter(resource -> Deployments.typeTokens(KEY, REPLICA_KEY, SECRET_POLICY).contains(resource.type()))
                .toList();

        assertFalse(withPolicies.isEmpty());
        withPolicies.forEach(resource -> GoldenFiles.assertMatches(
                "securityaccount/" + stack + "/" + resource.name().replace('/', '-') + ".json", resource.input("policy")));
    }

    /**
     * The hub topics stay off a customer managed key on purpose: the alarms that report a key
     * being disabled or scheduled for deletion must not depend on a key that can be.
     */
    @Test
    void hubTopicsDoNotDependOnAKmsKey() {
        List<PlannedResource> topics = Deployments.ofType(PROD, Topic.class);

        assertFalse(topics.isEmpty());
        topics.forEach(topic -> assertNull(topic.input("kmsMasterKeyId"), topic.name()));
    }

    @Test
    void aBadCriticalConfigRegistersNoResourceAtAll() {
        OfflineEngine.Run run = ConfigBuilder.stackFile("prod").set("criticalSecrets", """
                [{"name": "orphan", "description": "No such key", "key": "alias/nope", "readers": ["444444444444"]}]""").run();

        assertTrue(run.resources().isEmpty(), () -> run.resources().size() + " resources registered");
        assertTrue(run.errors().toString().contains("deletion-guard:criticalSecrets[0].key: 'alias/nope' is not the alias"),
                () -> run.errors().toString());
    }

    private static Map<String, PlannedResource> byName(OfflineEngine.Run run, Class<? extends CustomResource> type) {
        return Deployments.ofType(run, type).stream().collect(Collectors.toMap(PlannedResource::name, resource -> resource));
    }

    /** The key ARN the mock engine answered with, built from the key id its alias targets. */
    private static String keyArnOf(String aliasName) {
        PlannedResource alias = byName(PROD, ALIAS).get(aliasName);
        return "arn:aws:kms:" + alias.provider().orElseThrow().region() + ":" + SECURITY_ID + ":key/" + alias.input("targetKeyId");
    }

    /** The secret's ARN as the mock engine answered, read back from its policy's secretArn. */
    private static String secretArnOf(OfflineEngine.Run run, String secretComponent) {
        return byName(run, SECRET_POLICY).get(secretComponent + "-policy").input("secretArn");
    }
}
