package io.github.deletionguard.config.validate;

import io.github.deletionguard.config.ConfigIssue;
import io.github.deletionguard.config.LoadedConfig;
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
}
