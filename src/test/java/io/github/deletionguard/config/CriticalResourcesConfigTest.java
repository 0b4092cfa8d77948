package io.github.deletionguard.config;

import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading and validating deletion-guard:criticalKeys and deletion-guard:criticalSecrets, without Pulumi. */
class CriticalResourcesConfigTest {
    private static final String KEYS = "deletion-guard:criticalKeys";
    private static final String SECRETS = "deletion-guard:criticalSecrets";

    /** The sample stack with one key (replicated to eu-west-1) and one secret it encrypts. */
    private static ConfigBuilder validStack() {
        return ConfigBuilder.sample()
                .set("criticalKeys", """
                        [{"alias": "alias/app-data", "description": "App data", "multiRegion": true,
                          "replicaRegions": ["eu-west-1"],
                          "users": ["arn:aws:iam::333333333333:role/app"], "viaServices": ["s3"]}]""")
                .set("criticalSecrets", """
                        [{"name": "app/db", "description": "App database", "key": "alias/app-data",
                          "readers": ["arn:aws:iam::333333333333:role/app"], "replicaRegions": ["eu-west-1"]}]""");
    }

    private static GuardConfig load(ConfigBuilder config) {
        return config.load();
    }

    private static List<ConfigIssue> issues(ConfigBuilder config) {
        return config.issues();
    }

    private static ConfigBuilder withKeys(String keysJson) {
        return validStack().set("criticalKeys", keysJson).set("criticalSecrets", "[]");
    }

    private static ConfigBuilder withSecrets(String secretsJson) {
        return validStack().set("criticalSecrets", secretsJson);
    }

    private static void assertIssue(List<ConfigIssue> issues, String field, String problemPart) {
        assertTrue(issues.stream().anyMatch(issue -> issue.field().equals(field) && issue.problem().contains(problemPart)),
                () -> "expected an issue at " + field + " containing \"" + problemPart + "\", got:\n"
                        + String.join("\n", issues.stream().map(ConfigIssue::describe).toList()));
    }

    @Test
    void readsKeysAndSecretsWithTheirDefaults() {
        ConfigBuilder config = validStack();
        config.set("criticalKeys", """
                [{"alias": "alias/app-data", "description": "App data", "multiRegion": "true",
                  "replicaRegions": ["eu-west-1"], "users": ["333333333333"]},
                 {"alias": "audit", "description": "Audit", "deletionWindowInDays": 14, "rotationPeriodInDays": 90}]""");
        config.set("criticalSecrets", """
                [{"name": "app/db", "description": "App database", "key": "app-data",
                  "readers": ["arn:aws:iam::333333333333:role/path/app"], "valueFromSecretConfig": "appDbPassword"}]""");
        config.set("appDbPassword", "not-read-into-the-model");

        CriticalResources resources = load(config).criticalResources();

        CriticalKeyDefinition appData = resources.keys().get(0);
        assertEquals("app-data", appData.alias());
        assertEquals("alias/app-data", appData.aliasName());
        assertEquals(30, appData.deletionWindowInDays());
        assertEquals(Optional.empty(), appData.rotationPeriodInDays());
        assertTrue(appData.multiRegion());
        assertEquals("arn:aws:iam::333333333333:root", appData.users().get(0).arn());
        CriticalKeyDefinition audit = resources.keys().get(1);
        assertEquals("alias/audit", audit.aliasName());
        assertEquals(14, audit.deletionWindowInDays());
        assertEquals(Optional.of(90), audit.rotationPeriodInDays());
        CriticalSecretDefinition secret = resources.secrets().get(0);
        assertEquals("app-data", secret.keyAlias());
        assertEquals(30, secret.recoveryWindowInDays());
        assertEquals("arn:aws:iam::333333333333:role/path/app", secret.readers().get(0).arn());
        assertEquals(Optional.of("appDbPassword"), secret.valueFromSecretConfig());
        assertTrue(resources.toString().indexOf("not-read-into-the-model") < 0, "the secret value must not enter the model");
    }

    @Test
    void stacksWithoutCriticalResourcesAreValid() {
        ConfigBuilder config = validStack();
        config.remove("criticalKeys");
        config.remove("criticalSecrets");

        assertEquals(CriticalResources.none(), load(config).criticalResources());
    }

    @Test
    void windowsOutsideSevenToThirtyDaysAreRejected() {
        ConfigBuilder config = withKeys("""
                [{"alias": "a", "description": "A", "deletionWindowInDays": 6},
                 {"alias": "b", "description": "B", "deletionWindowInDays": 31}]""");
        config.set("criticalSecrets", """
                [{"name": "s", "description": "S", "key": "a", "recoveryWindowInDays": 0,
                  "readers": ["333333333333"]}]""");

        List<ConfigIssue> issues = issues(config);

        assertIssue(issues, KEYS + "[0].deletionWindowInDays", "6 is outside the 7 to 30 days");
        assertIssue(issues, KEYS + "[1].deletionWindowInDays", "31 is outside the 7 to 30 days");
        assertIssue(issues, SECRETS + "[0].recoveryWindowInDays", "0 is outside the 7 to 30 days");
        assertEquals(3, issues.size(), issues::toString);
    }

    @Test
    void rotationPeriodOutsideWhatKmsAcceptsIsRejected() {
        List<ConfigIssue> issues = issues(withKeys("""
                [{"alias": "a", "description": "A", "rotationPeriodInDays": 89},
                 {"alias": "b", "description": "B", "rotationPeriodInDays": 2561}]"""));

        assertIssue(issues, KEYS + "[0].rotationPeriodInDays", "89 is out of range");
        assertIssue(issues, KEYS + "[1].rotationPeriodInDays", "2561 is out of range");
    }

    @Test
    void duplicateAliasesAreFoundWithOrWithoutThePrefix() {
        List<ConfigIssue> issues = issues(withKeys("""
                [{"alias": "alias/app-data", "description": "A"},
                 {"alias": "app-data", "description": "B"}]"""));

        assertIssue(issues, KEYS + "[1].alias", "'alias/app-data' is listed twice: it is already " + KEYS + "[0].alias");
        assertEquals(1, issues.size(), issues::toString);
    }

    @Test
    void aliasesReservedForAwsOrWithInvalidCharactersAreRejected() {
        List<ConfigIssue> issues = issues(withKeys("""
                [{"alias": "alias/aws/s3", "description": "A"},
                 {"alias": "app data!", "description": "B"}]"""));

        assertIssue(issues, KEYS + "[0].alias", "reserved for keys AWS manages");
        assertIssue(issues, KEYS + "[1].alias", "is not a KMS alias name");
    }

    @Test
    void principalsOutsideTheConfiguredAccountsAreRejected() {
        List<ConfigIssue> issues = issues(withKeys("""
                [{"alias": "a", "description": "A",
                  "users": ["999999999999", "arn:aws:iam::888888888888:role/app", "111111111111"]}]"""));

        assertIssue(issues, KEYS + "[0].users[0]", "'999999999999' is in account 999999999999, which is not one of");
        assertIssue(issues, KEYS + "[0].users[1]", "'arn:aws:iam::888888888888:role/app' is in account 888888888888");
        assertEquals(2, issues.size(), "the management account is part of the organization: " + issues);
    }

    @Test
    void principalsThatAreNeitherAccountsNorRolesAreRejected() {
        List<ConfigIssue> issues = issues(withSecrets("""
                [{"name": "s", "description": "S", "key": "app-data", "readers": [
                  "arn:aws:iam::333333333333:user/bob", "arn:aws:iam::333333333333:role/*", "3333"]}]"""));

        assertIssue(issues, SECRETS + "[0].readers[0]", "is neither an account id nor a role ARN");
        assertIssue(issues, SECRETS + "[0].readers[1]", "is neither an account id nor a role ARN");
        assertIssue(issues, SECRETS + "[0].readers[2]", "is neither an account id nor a role ARN");
    }

    @Test
    void writersAreCheckedLikeReaders() {
        List<ConfigIssue> shape = issues(withSecrets("""
                [{"name": "s", "description": "S", "key": "app-data", "readers": ["333333333333"],
                  "writers": ["arn:aws:iam::333333333333:user/bob"]}]"""));
        List<ConfigIssue> relations = issues(withSecrets("""
                [{"name": "s", "description": "S", "key": "app-data", "readers": ["333333333333"], "writers": [
                  "999999999999", "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole",
                  "arn:aws:iam::333333333333:role/rotation", "arn:aws:iam::333333333333:role/rotation"]}]"""));

        assertIssue(shape, SECRETS + "[0].writers[0]", "is neither an account id nor a role ARN");
        assertIssue(relations, SECRETS + "[0].writers[0]", "which is not one of the organization's configured accounts");
        assertIssue(relations, SECRETS + "[0].writers[1]", "administers the security account");
        assertIssue(relations, SECRETS + "[0].writers[3]", "is listed twice");
        assertEquals(3, relations.size(), relations.toString());
    }

    @Test
    void writersAreOptionalAndReadInOrder() {
        GuardConfig config = withSecrets("""
                [{"name": "s", "description": "S", "key": "app-data", "readers": ["333333333333"],
                  "writers": ["arn:aws:iam::333333333333:role/rotation", "333333333333"]}]""").load();

        assertEquals(List.of("arn:aws:iam::333333333333:role/rotation", "arn:aws:iam::333333333333:*"),
                config.criticalResources().secrets().get(0).writers().stream().map(WorkloadPrincipal::principalArnPattern).toList());
    }

    @Test
    void anUnquotedAccountIdThatLostItsLeadingZeroIsRejected() {
        ConfigBuilder config = withKeys("""
                [{"alias": "a", "description": "A", "users": [44444444444]}]""");

        assertIssue(issues(config), KEYS + "[0].users[0]", "was read as the number 44444444444 (11 digits)");
    }

    @Test
    void theSecurityAccountsAdministratorsCannotBeListed() {
        List<ConfigIssue> issues = issues(withKeys("""
                [{"alias": "a", "description": "A", "users": [
                  "222222222222",
                  "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole",
                  "arn:aws:iam::222222222222:role/emergency/IncidentResponder",
                  "arn:aws:iam::222222222222:role/secops-tooling"]}]"""));

        assertIssue(issues, KEYS + "[0].users[0]", "'222222222222' administers the security account");
        assertIssue(issues, KEYS + "[0].users[1]", "'arn:aws:iam::222222222222:role/OrganizationAccountAccessRole' administers");
        assertIssue(issues, KEYS + "[0].users[2]", "'arn:aws:iam::222222222222:role/emergency/IncidentResponder' administers");
        assertEquals(3, issues.size(), "an ordinary role of the security account may be listed: " + issues);
    }

    @Test
    void aSecretMustReferenceAConfiguredKey() {
        List<ConfigIssue> issues = issues(withSecrets("""
                [{"name": "s", "description": "S", "key": "alias/nope", "readers": ["333333333333"]}]"""));

        assertIssue(issues, SECRETS + "[0].key", "'alias/nope' is not the alias of any " + KEYS + " entry");
    }

    @Test
    void replicaRegionsMustDifferFromTheHomeRegion() {
        ConfigBuilder config = withKeys("""
                [{"alias": "a", "description": "A", "multiRegion": true, "replicaRegions": ["eu-central-1"]}]""");
        config.set("criticalSecrets", """
                [{"name": "s", "description": "S", "key": "a", "readers": ["333333333333"],
                  "replicaRegions": ["eu-central-1"]}]""");

        List<ConfigIssue> issues = issues(config);

        assertIssue(issues, KEYS + "[0].replicaRegions[0]", "is the security account's home region");
        assertIssue(issues, SECRETS + "[0].replicaRegions[0]", "is the security account's home region");
    }

    @Test
    void replicaRegionsMustBeKnownRegionsListedOnce() {
        List<ConfigIssue> issues = issues(withKeys("""
                [{"alias": "a", "description": "A", "multiRegion": true,
                  "replicaRegions": ["eu-west-1", "eu-west-1", "mars-north-1"]}]"""));

        assertIssue(issues, KEYS + "[0].replicaRegions[1]", "is listed twice");
        assertIssue(issues, KEYS + "[0].replicaRegions[2]", "is not an AWS region code");
    }

    @Test
    void onlyAMultiRegionKeyCanHaveReplicas() {
        List<ConfigIssue> issues = issues(withKeys("""
                [{"alias": "a", "description": "A", "replicaRegions": ["eu-west-1"]}]"""));

        assertIssue(issues, KEYS + "[0].multiRegion", "only a multi-Region key can have replicas");
    }

    @Test
    void aSecretReplicaNeedsAReplicaOfItsKeyInThatRegion() {
        List<ConfigIssue> issues = issues(withSecrets("""
                [{"name": "s", "description": "S", "key": "app-data", "readers": ["333333333333"],
                  "replicaRegions": ["eu-west-1", "us-east-1"]}]"""));

        assertIssue(issues, SECRETS + "[0].replicaRegions", "[us-east-1] have no replica of its key alias/app-data");
        assertEquals(1, issues.size(), issues::toString);
    }

    @Test
    void aSecretNeedsReaders() {
        List<ConfigIssue> issues = issues(withSecrets("""
                [{"name": "s", "description": "S", "key": "app-data", "readers": []}]"""));

        assertIssue(issues, SECRETS + "[0].readers", "is empty");
    }

    @Test
    void duplicateSecretNamesAreRejected() {
        List<ConfigIssue> issues = issues(withSecrets("""
                [{"name": "s", "description": "S", "key": "app-data", "readers": ["333333333333"]},
                 {"name": "s", "description": "T", "key": "app-data", "readers": ["333333333333"]}]"""));

        assertIssue(issues, SECRETS + "[1].name", "'s' is listed twice: it is already " + SECRETS + "[0].name");
    }

    @Test
    void aSecretValueMustComeFromAConfigKeyTheStackSets() {
        ConfigBuilder config = withSecrets("""
                [{"name": "s", "description": "S", "key": "app-data", "readers": ["333333333333"],
                  "valueFromSecretConfig": "notSetAnywhere"}]""");

        assertIssue(issues(config), SECRETS + "[0].valueFromSecretConfig",
                "names deletion-guard:notSetAnywhere, which this stack does not set");

        config.set("notSetAnywhere", "value");
        assertEquals(Optional.of("notSetAnywhere"), load(config).criticalResources().secrets().get(0).valueFromSecretConfig());
    }

    @Test
    void viaServicesAreServiceNamesNotEndpoints() {
        List<ConfigIssue> issues = issues(withKeys("""
                [{"alias": "a", "description": "A", "users": ["333333333333"],
                  "viaServices": ["s3.eu-central-1.amazonaws.com"]}]"""));

        assertIssue(issues, KEYS + "[0].viaServices[0]", "is not a service name");
    }

    @Test
    void missingAliasDescriptionOrKeyAndMisspeltFieldsAreReported() {
        ConfigBuilder config = withKeys("""
                [{"deletionWindowDays": 30}]""");
        config.set("criticalSecrets", """
                [{"name": "s", "readers": ["333333333333"]}]""");

        List<ConfigIssue> issues = issues(config);

        assertIssue(issues, KEYS + "[0].alias", "is missing");
        assertIssue(issues, KEYS + "[0].description", "is missing");
        assertIssue(issues, KEYS + "[0].deletionWindowDays", "is not a known field");
        assertIssue(issues, SECRETS + "[0].key", "is missing");
        assertIssue(issues, SECRETS + "[0].description", "is missing");
    }

    @Test
    void aMissingSecurityAccountIsReported() {
        ConfigBuilder config = validStack();
        config.remove("securityAccount");

        assertIssue(issues(config), "deletion-guard:securityAccount", "is missing");
    }

    @Test
    void everyProblemIsReportedInOneRun() {
        ConfigBuilder config = withKeys("""
                [{"alias": "a", "description": "A", "deletionWindowInDays": 3, "replicaRegions": ["eu-west-1"],
                  "users": ["999999999999"]}]""");
        config.set("criticalSecrets", """
                [{"name": "s", "description": "S", "key": "b", "recoveryWindowInDays": 45, "readers": []}]""");

        InvalidConfigException error = config.rejected();

        assertEquals(6, error.issues().size(), error::getMessage);
        assertTrue(error.getMessage().startsWith("Pulumi.test.yaml has 6 issues:"), error::getMessage);
    }
}
