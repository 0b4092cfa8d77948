package io.github.deletionguard.config;

import io.github.deletionguard.config.validate.ConfigWarnings;
import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberBaselineConfigTest {

    @Test
    void unsetEveryAccountIsOnTheProviderEngine() {
        GuardConfig config = ConfigBuilder.sample().load();
        assertEquals(BaselineEngine.PROVIDERS, config.memberBaseline().engine());
        assertTrue(config.accounts().stream().noneMatch(config::baselineByStackSets));
    }

    @Test
    void theOrgStackPutsItsOuAccountsOnStackSetsButNeverTheManagementAccount() {
        GuardConfig config = ConfigBuilder.stackFile("org").load();
        assertEquals(List.of("security", "data-prod"),
                config.accounts().stream().filter(config::baselineByStackSets).map(MemberAccount::name).toList());
        GuardConfig rooted = ConfigBuilder.stackFile("org").edit("memberBaseline", baseline ->
                baseline.getAsJsonObject().add("organizationalUnits", com.google.gson.JsonParser.parseString("[\"r-pr0d\"]"))).load();
        assertFalse(rooted.baselineByStackSets(rooted.accounts().get(0)), "the management account");
        assertTrue(rooted.baselineByStackSets(rooted.accounts().get(1)));
    }

    @Test
    void everyProblemIsReportedAtOnceNamingTheFieldAndTheFix() {
        List<ConfigIssue> issues = ConfigBuilder.stackFile("org").set("memberBaseline", """
                {"engine": "stacksets", "organizationalUnits": ["ou-pr0d-w0rkl0ads", "payments", "ou-pr0d-w0rkl0ads"],
                 "regions": ["eu-west-9", "eu-west-1"],
                 "operationPreferences": {"regionConcurrencyType": "ALL", "failureTolerancePercentage": 120,
                   "maxConcurrentPercentage": 0, "concurrencyMode": "LOOSE"},
                 "callAs": "DELEGATED_ADMIN"}""").issues();
        assertEquals(List.of(
                "deletion-guard:memberBaseline.organizationalUnits[1]",
                "deletion-guard:memberBaseline.organizationalUnits[2]",
                "deletion-guard:memberBaseline.regions[0]",
                "deletion-guard:memberBaseline.operationPreferences.regionConcurrencyType",
                "deletion-guard:memberBaseline.operationPreferences.concurrencyMode",
                "deletion-guard:memberBaseline.operationPreferences.failureTolerancePercentage",
                "deletion-guard:memberBaseline.operationPreferences.maxConcurrentPercentage",
                "deletion-guard:memberBaseline.delegatedAdministrator"), issues.stream().map(ConfigIssue::field).toList());
        assertTrue(issues.get(4).fix().contains("SOFT_FAILURE_TOLERANCE"), issues.get(4)::describe);
        assertTrue(issues.get(7).fix().contains("list-delegated-administrators"), issues.get(7)::describe);
    }

    @Test
    void aMisspeltEngineAndStackSetFieldsOnTheProviderEngineAreErrors() {
        assertEquals(List.of("deletion-guard:memberBaseline.engine"), ConfigBuilder.sample()
                .set("memberBaseline", "{\"engine\": \"stackset\"}").issues().stream().map(ConfigIssue::field).toList());
        assertEquals(List.of("deletion-guard:memberBaseline.organizationalUnits"), ConfigBuilder.sample()
                .set("memberBaseline", "{\"engine\": \"providers\", \"organizationalUnits\": [\"ou-ab12-workload1\"]}")
                .issues().stream().map(ConfigIssue::field).toList());
        assertEquals(List.of("deletion-guard:memberBaseline.engine"), ConfigBuilder.stackFile("org")
                .set("stackScope", "{\"ownsCentralResources\": false}")
                .remove("serviceControlPolicy")
                .issues().stream().map(ConfigIssue::field).toList());
    }

    @Test
    void accountsWithoutAnOuAndRegionsBeyondTheStackSetsAreWarnedAbout() {
        GuardConfig config = ConfigBuilder.stackFile("org").edit("accounts", accounts -> {
            ConfigBuilder.entry(accounts, 1).add("regions", com.google.gson.JsonParser.parseString("[\"eu-central-1\",\"ap-south-1\"]"));
            ConfigBuilder.entry(accounts, 2).remove("organizationalUnit");
        }).load();
        List<ConfigIssue> warnings = ConfigWarnings.baselineCoverage(config);
        assertEquals(List.of("deletion-guard:accounts[1].regions", "deletion-guard:accounts[2].organizationalUnit"),
                warnings.stream().map(ConfigIssue::field).toList());
        assertTrue(warnings.get(0).problem().contains("[ap-south-1] is guarded by neither engine"), warnings.get(0)::describe);
        assertTrue(warnings.get(1).problem().contains("both engines") || warnings.get(1).problem().contains("same roles"),
                warnings.get(1)::describe);
        assertEquals(List.of(), ConfigWarnings.baselineCoverage(ConfigBuilder.stackFile("org").load()));
    }
}
