package io.github.deletionguard.config.validate;

import com.google.gson.JsonObject;
import io.github.deletionguard.config.ConfigIssue;
import io.github.deletionguard.config.LoadedConfig;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.deletionguard.testing.ConfigBuilder.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a valid config leaves unwatched is printed as a warning, and deploys. */
class ConfigWarningsTest {

    @Test
    void aValidStackWithoutAnyLogGroupDeploysWithAWarningThatNoAlarmWatches() {
        LoadedConfig loaded = ConfigBuilder.sample()
                .edit("accounts", accounts -> entry(accounts, 0).remove("cloudTrailLogGroup"))
                .loaded();

        assertEquals(List.of("deletion-guard:accounts"), loaded.warnings().stream().map(ConfigIssue::field).toList());
        assertTrue(loaded.warnings().get(0).problem().contains("no CloudWatch alarm is deployed at all"),
                loaded.warnings().get(0).problem());
    }

    @Test
    void aSecurityAccountThisStackDoesNotGuardIsAWarning() {
        LoadedConfig outOfScope = ConfigBuilder.sample().set("stackScope", "{\"accounts\": [\"management\", \"workload\"]}").loaded();
        LoadedConfig unlisted = ConfigBuilder.sample()
                .edit("accounts", accounts -> accounts.getAsJsonArray().remove(1))
                .loaded();

        for (LoadedConfig loaded : List.of(outOfScope, unlisted)) {
            assertEquals(List.of("deletion-guard:securityAccount.id"), loaded.warnings().stream().map(ConfigIssue::field).toList());
            assertTrue(loaded.warnings().get(0).problem().contains("nothing watches the account that holds the critical keys"),
                    loaded.warnings().get(0).problem());
        }
    }

    @Test
    void anOuStackLeavesTheSecurityAccountToTheCentralStackWithoutAWarning() {
        LoadedConfig loaded = ConfigBuilder.sample()
                .edit("accounts", accounts -> entry(accounts, 2).addProperty("organizationalUnit", "ou-ab12-workload"))
                .set("stackScope", "{\"organizationalUnits\": [\"ou-ab12-workload\"], \"ownsCentralResources\": false}")
                .loaded();

        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void theRepositoryStacksDeployWithoutWarnings() {
        assertEquals(List.of(), ConfigBuilder.stackFile("prod").loaded().warnings());
        assertEquals(List.of(), ConfigBuilder.stackFile("staging").loaded().warnings());
    }

    @Test
    void warningsDoNotStopTheDeployment() {
        OfflineEngine.Run run = ConfigBuilder.sample()
                .edit("accounts", accounts -> entry(accounts, 0).remove("cloudTrailLogGroup"))
                .run();

        assertEquals(List.of(), run.errors());
        assertTrue(run.resources().size() > 0);
    }

    @Test
    void anEphemeralScopeWithoutAConfiguredAccountWarnsThatItsDeletionsPageOneByOne() {
        LoadedConfig loaded = ConfigBuilder.stackFile("staging")
                .edit("accounts", accounts -> accounts.getAsJsonArray().remove(accounts.getAsJsonArray().size() - 1))
                .loaded();

        assertEquals(List.of("deletion-guard:ephemeralScopes[0].organizationalUnitPath"),
                loaded.warnings().stream().map(ConfigIssue::field).toList());
        assertTrue(loaded.warnings().get(0).problem().contains("its deletions page one by one"), loaded.warnings().get(0).problem());
        assertTrue(loaded.warnings().get(0).fix().contains("organizationalUnit ou-st4g-s4ndb0x1"), loaded.warnings().get(0).fix());
    }

    @Test
    void stackSetsTargetingAnOuAboveAnEphemeralScopeWithRemediationWarnThatTheyUndoItsTeardowns() {
        // The org stack's workloads OU holds the sandboxes OU.
        ConfigBuilder org = ConfigBuilder.stackFile("org")
                .set("ephemeralScopes", "[{\"name\":\"sandboxes\",\"organizationalUnitPath\":"
                        + "\"o-pr0dorg7x2k/r-pr0d/ou-pr0d-w0rkl0ads/ou-pr0d-s4ndb0x1/\"}]")
                .edit("accounts", accounts -> {
                    JsonObject sandbox = new JsonObject();
                    sandbox.addProperty("id", "777777777777");
                    sandbox.addProperty("name", "sandbox");
                    sandbox.addProperty("organizationalUnit", "ou-pr0d-s4ndb0x1");
                    accounts.getAsJsonArray().add(sandbox);
                });
        List<ConfigIssue> warnings = org.loaded().warnings();

        List<ConfigIssue> baseline = warnings.stream()
                .filter(warning -> warning.field().equals("deletion-guard:memberBaseline.organizationalUnits")).toList();
        assertEquals(1, baseline.size(), warnings.toString());
        assertTrue(baseline.get(0).problem().startsWith("'ou-pr0d-w0rkl0ads' contains the ephemeral scope 'sandboxes'"),
                baseline.get(0).problem());
        assertTrue(baseline.get(0).problem().contains("undoes the sandboxes' teardowns"), baseline.get(0).problem());

        List<ConfigIssue> off = org.remediation(RemediationSettings.off()).loaded().warnings();
        assertTrue(off.stream().noneMatch(warning -> warning.field().equals("deletion-guard:memberBaseline.organizationalUnits")),
                off.toString());
    }
}
