package io.github.deletionguard.config;

import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static io.github.deletionguard.testing.ConfigBuilder.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Unknown keys and fields fail with a suggestion, and one mistake is one issue, not also its follow-ons. */
class StrictConfigTest {
    private static final String KEY_WITH_VALUE = """
            [{"alias": "app-data", "description": "App data", "users": ["333333333333"]}]""";

    private static List<String> describe(List<ConfigIssue> issues) {
        return issues.stream().map(ConfigIssue::describe).toList();
    }

    @Test
    void aMisspeltKeyIsOneErrorThatNamesTheKeyItMostLikelyMeans() {
        List<ConfigIssue> issues = ConfigBuilder.sample().remove("alarmMode").set("alarmMod", "any-deletion").issues();

        assertEquals(List.of(
                "deletion-guard:alarmMod: is not a known key; did you mean deletion-guard:alarmMode? Fix: rename it to"
                        + " deletion-guard:alarmMode, or remove it (known: deletion-guard:alarmMode, deletion-guard:resourcePrefix,"
                        + " deletion-guard:regions, deletion-guard:organization, deletion-guard:securityAccount,"
                        + " deletion-guard:accounts, deletion-guard:alarms, deletion-guard:criticalKeys,"
                        + " deletion-guard:criticalSecrets, deletion-guard:serviceControlPolicy, deletion-guard:stackScope,"
                        + " deletion-guard:remediation, deletion-guard:memberBaseline, deletion-guard:approvedDeletions,"
                        + " deletion-guard:ephemeralScopes, deletion-guard:pipelineRoles)."), describe(issues), "the key it means is not reported missing as well");
    }

    @Test
    void aKeyLikeNoneIsAnErrorListingTheKnownKeys() {
        ConfigIssue issue = ConfigBuilder.sample().set("colour", "red").issues().get(0);

        assertEquals("deletion-guard:colour", issue.field());
        assertEquals("is not a known key.", issue.problem());
        assertTrue(issue.fix().startsWith("use one of deletion-guard:alarmMode, "), issue.fix());
    }

    @Test
    void keysOfOtherNamespacesAndTheValueKeysOfSecretsAreNoMistake() {
        GuardConfig config = ConfigBuilder.sample()
                .set("aws:region", "eu-central-1")
                .set("criticalKeys", KEY_WITH_VALUE)
                .set("criticalSecrets", """
                        [{"name": "app/db", "description": "App database", "key": "app-data", "readers": ["333333333333"],
                          "valueFromSecretConfig": "appDbPassword"}]""")
                .setSecret("appDbPassword", "not-read")
                .load();

        assertEquals(1, config.criticalResources().secrets().size());
    }

    @Test
    void aMisspeltFieldInsideAMapNamesTheFieldItMostLikelyMeans() {
        List<ConfigIssue> issues = ConfigBuilder.sample().edit("accounts", accounts -> entry(accounts, 0)
                .getAsJsonObject("cloudTrailLogGroup").addProperty("regoin", "eu-central-1")).issues();

        assertEquals(List.of("deletion-guard:accounts[0].cloudTrailLogGroup.regoin: is not a known field; did you mean region?"
                + " Fix: rename it to region, or remove it (known: name, region)."), describe(issues));
    }

    @Test
    void aMisspeltRequiredFieldIsOneIssueNotAlsoAMissingOne() {
        List<ConfigIssue> issues = ConfigBuilder.sample().edit("securityAccount", security -> {
            security.getAsJsonObject().remove("homeRegion");
            security.getAsJsonObject().addProperty("homeRegon", "eu-central-1");
        }).issues();

        assertEquals(List.of("deletion-guard:securityAccount.homeRegon"), issues.stream().map(ConfigIssue::field).toList());
        assertTrue(issues.get(0).problem().endsWith("did you mean homeRegion?"), issues.get(0).problem());
    }

    @Test
    void theProgramRefusesAMisspeltKeyBeforeRegisteringAnything() {
        OfflineEngine.Run run = ConfigBuilder.sample().set("remediaton", "{\"cancelKeyDeletion\":true}").run();

        assertEquals(List.of(), run.resources());
        assertTrue(run.errors().toString().contains("deletion-guard:remediaton: is not a known key; did you mean"
                + " deletion-guard:remediation?"), run.errors().toString());
    }

    @Test
    void aMissingSectionIsOneIssueNotAlsoItsEmptiness() {
        assertEquals(List.of("deletion-guard:accounts"),
                ConfigBuilder.sample().remove("accounts").issues().stream().map(ConfigIssue::field).toList());
    }

    @Test
    void aMissingSecurityAccountIsOneIssueNotAlsoTheChecksThatNeedIt() {
        List<ConfigIssue> issues = ConfigBuilder.sample()
                .remove("securityAccount")
                .set("criticalKeys", """
                        [{"alias": "app-data", "description": "App data", "multiRegion": true,
                          "replicaRegions": ["eu-central-1"], "users": ["222222222222"]}]""")
                .issues();

        assertEquals(List.of("deletion-guard:securityAccount"), issues.stream().map(ConfigIssue::field).toList());
    }

    /** The secret's key is there, just unreadable: the secret must not also be told that it names no key. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[{\"alias\": \"app-data\"}] | deletion-guard:criticalKeys[0].description",
            "{\"alias\": \"app-data\"}   | deletion-guard:criticalKeys"})
    void keysThatCannotBeReadLeaveTheirSecretsUnjudged(String criticalKeys, String onlyIssue) {
        List<ConfigIssue> issues = ConfigBuilder.sample()
                .set("criticalKeys", criticalKeys)
                .set("criticalSecrets", """
                        [{"name": "app/db", "description": "App database", "key": "app-data", "readers": ["333333333333"]}]""")
                .issues();

        assertEquals(List.of(onlyIssue), issues.stream().map(ConfigIssue::field).toList());
    }

    @Test
    void anAccountThatCannotBeReadLeavesThePrincipalsInItUnjudged() {
        List<ConfigIssue> issues = ConfigBuilder.sample()
                .edit("accounts", accounts -> entry(accounts, 2).remove("name"))
                .set("criticalKeys", KEY_WITH_VALUE)
                .issues();

        assertEquals(List.of("deletion-guard:accounts[2].name"), issues.stream().map(ConfigIssue::field).toList());
    }

    @Test
    void aListWithAnUnreadableElementIsOneIssueAtThatElement() {
        List<ConfigIssue> issues = ConfigBuilder.sample().set("regions", "[\"eu-central-1\", 5]").issues();

        assertEquals(List.of("deletion-guard:regions[1]: must be a string, found the number 5. Fix: quote the value."),
                describe(issues));
    }
}
