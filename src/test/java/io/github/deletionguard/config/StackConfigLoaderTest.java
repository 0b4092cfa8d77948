package io.github.deletionguard.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonPrimitive;
import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import static io.github.deletionguard.testing.ConfigBuilder.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackConfigLoaderTest {

    private static ConfigIssue onlyIssue(ConfigBuilder config) {
        List<ConfigIssue> issues = config.issues();
        assertEquals(1, issues.size(), () -> "expected one issue, got " + issues);
        return issues.get(0);
    }

    @Test
    void validConfigBecomesTheModel() {
        GuardConfig config = ConfigBuilder.sample()
                .edit("accounts", accounts -> {
                    entry(accounts, 2).addProperty("id", "033333333333");
                    JsonArray regions = new JsonArray();
                    regions.add("eu-west-1");
                    entry(accounts, 2).add("regions", regions);
                })
                .load();

        assertEquals(AlarmMode.ANY_DELETION, config.alarmMode());
        assertEquals("deletion-guard", config.resourcePrefix());
        assertEquals(Organization.DEFAULT_ACCESS_ROLE, config.organization().accessRoleName());
        assertEquals(List.of(new BreakGlassRole("/", "BreakGlassAdmin"), new BreakGlassRole("/emergency/", "IncidentResponder")),
                config.organization().breakGlassRoles());
        assertEquals(3, config.accounts().size());
        assertEquals(List.of("eu-central-1", "eu-west-1"), config.accounts().get(1).regions(), "stack-wide regions apply");
        assertEquals(List.of("eu-west-1"), config.accounts().get(2).regions(), "an account's own regions win");
        assertEquals("033333333333", config.accounts().get(2).id());
        assertEquals(Optional.of(new LogGroupLocation("aws-controltower/CloudTrailLogs", "eu-central-1")),
                config.accounts().get(0).cloudTrailLogGroup());
        assertEquals(AlarmSettings.defaults(), config.alarmSettings());
    }

    @Test
    void accountIdThatYamlTurnedIntoANumberIsReportedWithItsLostZeros() {
        ConfigIssue issue = onlyIssue(ConfigBuilder.sample().edit("accounts",
                accounts -> entry(accounts, 2).add("id", new JsonPrimitive(new BigInteger("33333333333")))));

        assertEquals("deletion-guard:accounts[2].id", issue.field());
        assertTrue(issue.problem().contains("33333333333 (11 digits)"), issue.problem());
        assertTrue(issue.fix().contains("\"033333333333\""), issue.fix());
    }

    @Test
    void twelveDigitNumberIsStillAnAccountId() {
        GuardConfig config = ConfigBuilder.sample().edit("accounts",
                accounts -> entry(accounts, 2).add("id", new JsonPrimitive(new BigInteger("444444444444")))).load();

        assertEquals("444444444444", config.accounts().get(2).id());
    }

    @Test
    void accountIdOfWrongLengthIsRejected() {
        ConfigIssue issue = onlyIssue(ConfigBuilder.sample().edit("accounts",
                accounts -> entry(accounts, 2).addProperty("id", "12345")));

        assertEquals("deletion-guard:accounts[2].id", issue.field());
    }

    @Test
    void duplicateAccountIdsAndNamesAreRejected() {
        List<ConfigIssue> issues = ConfigBuilder.sample().edit("accounts", accounts -> {
            entry(accounts, 2).addProperty("id", "222222222222");
            entry(accounts, 1).addProperty("name", "management");
        }).issues();

        assertEquals(List.of("deletion-guard:accounts[1].name", "deletion-guard:accounts[2].id",
                        "deletion-guard:securityAccount.name"),
                issues.stream().map(ConfigIssue::field).sorted().toList(), issues::toString);
    }

    @Test
    void unknownRegionAndOtherPartitionAreRejected() {
        List<ConfigIssue> issues = ConfigBuilder.sample().edit("accounts", accounts -> {
            JsonArray regions = new JsonArray();
            regions.add("eu-west-9");
            regions.add("us-gov-west-1");
            entry(accounts, 2).add("regions", regions);
        }).issues();

        assertEquals(2, issues.size(), issues::toString);
        assertTrue(issues.get(0).problem().contains("not an AWS region"), issues.get(0).problem());
        assertTrue(issues.get(1).problem().contains("partition"), issues.get(1).problem());
    }

    @Test
    void emptyRegionListIsRejected() {
        ConfigIssue issue = onlyIssue(ConfigBuilder.sample().edit("accounts",
                accounts -> entry(accounts, 2).add("regions", new JsonArray())));

        assertEquals("deletion-guard:accounts[2].regions", issue.field());
    }

    @Test
    void accountWithoutRegionsAndNoStackWideRegionsIsRejected() {
        List<ConfigIssue> issues = ConfigBuilder.sample().remove("regions").issues();

        // An account without regions has no log group region to match either: that is no second issue.
        assertEquals(List.of("deletion-guard:accounts[0].regions", "deletion-guard:accounts[1].regions",
                "deletion-guard:accounts[2].regions"), issues.stream().map(ConfigIssue::field).toList());
    }

    @Test
    void malformedEmailIsRejected() {
        ConfigIssue issue = onlyIssue(ConfigBuilder.sample().edit("securityAccount", security -> {
            JsonArray emails = new JsonArray();
            emails.add("secops@example");
            security.getAsJsonObject().add("notificationEmails", emails);
        }));

        assertEquals("deletion-guard:securityAccount.notificationEmails[0]", issue.field());
    }

    @Test
    void unknownModeIsRejected() {
        ConfigIssue issue = onlyIssue(ConfigBuilder.sample().set("alarmMode", "paranoid"));

        assertEquals("deletion-guard:alarmMode", issue.field());
        assertTrue(issue.fix().contains("access-only or any-deletion"));
    }

    @Test
    void missingSecurityAccountIsRejected() {
        ConfigIssue issue = onlyIssue(ConfigBuilder.sample().remove("securityAccount"));

        assertEquals("deletion-guard:securityAccount", issue.field());
    }

    @Test
    void missingManagementAccountIsRejected() {
        ConfigIssue issue = onlyIssue(ConfigBuilder.sample().edit("organization",
                organization -> organization.getAsJsonObject().remove("managementAccount")));

        assertEquals("deletion-guard:organization.managementAccount", issue.field());
    }

    @Test
    void logGroupOutsideTheAccountsRegionsIsRejected() {
        ConfigIssue issue = onlyIssue(ConfigBuilder.sample().edit("accounts",
                accounts -> entry(accounts, 0).getAsJsonObject("cloudTrailLogGroup").addProperty("region", "us-east-1")));

        assertEquals("deletion-guard:accounts[0].cloudTrailLogGroup.region", issue.field());
        assertTrue(issue.fix().contains("add us-east-1 to the account's regions"), issue.fix());
    }

    @Test
    void thresholdsOutOfRangeAreRejectedInEitherMode() {
        List<ConfigIssue> issues = ConfigBuilder.sample().set("alarms", """
                {"any-deletion":{"periodSeconds":90,"threshold":0,"evaluationPeriods":2000,"kmsErrorThreshold":0},
                 "access-only":{"evaluationPeriods":0}}""").issues();

        assertEquals(List.of(
                "deletion-guard:alarms.access-only.evaluationPeriods",
                "deletion-guard:alarms.any-deletion.evaluationPeriods",
                "deletion-guard:alarms.any-deletion.kmsErrorThreshold",
                "deletion-guard:alarms.any-deletion.periodSeconds",
                "deletion-guard:alarms.any-deletion.threshold"),
                issues.stream().map(ConfigIssue::field).sorted().toList(), issues::toString);
    }

    @Test
    void alarmOverridesOfTheActiveModeApply() {
        GuardConfig config = ConfigBuilder.sample().set("alarms",
                "{\"any-deletion\":{\"periodSeconds\":60,\"evaluationPeriods\":5,\"kmsErrorThreshold\":50}}").load();

        assertEquals(new AlarmSettings(60, 1, 5, 50), config.alarmSettings());
    }

    @Test
    void misspeltFieldIsReportedNotIgnored() {
        ConfigIssue issue = onlyIssue(ConfigBuilder.sample().edit("securityAccount",
                security -> security.getAsJsonObject().addProperty("notificationEmail", "x@example.com")));

        assertEquals("deletion-guard:securityAccount.notificationEmail", issue.field());
        assertTrue(issue.problem().endsWith("did you mean notificationEmails?"), issue.problem());
        assertTrue(issue.fix().startsWith("rename it to notificationEmails"), issue.fix());
    }

    @Test
    void everyIssueIsReportedInOneMessageNamingTheStackFile() {
        InvalidConfigException error = ConfigBuilder.sample()
                .set("alarmMode", "loud")
                .remove("securityAccount")
                .edit("accounts", accounts -> entry(accounts, 2).addProperty("id", "abc"))
                .rejected();

        assertEquals(3, error.issues().size());
        assertTrue(error.getMessage().startsWith("Pulumi.test.yaml has 3 issues:\n  1. deletion-guard:alarmMode"),
                error.getMessage());
    }
}
