package io.github.deletionguard.accounts;

import com.google.gson.Gson;
import com.pulumi.aws.iam.Role;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.plan.PlannedResource.ProviderTarget;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.github.deletionguard.testing.ConfigBuilder.MANAGEMENT_ID;
import static io.github.deletionguard.testing.ConfigBuilder.SECURITY_ID;
import static io.github.deletionguard.testing.ConfigBuilder.WORKLOAD_ID;
import static io.github.deletionguard.testing.ConfigBuilder.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Under mocks: each account's roles exist once, through the provider of the security home region, whatever its regions. */
class AccountWiringTest {
    private static final String HOME = "eu-central-1";
    private static final List<String> ACCOUNTS = List.of(MANAGEMENT_ID, SECURITY_ID, WORKLOAD_ID);
    private static final List<RemediationSettings> SETTINGS = List.of(RemediationSettings.off(),
            new RemediationSettings(true, false), new RemediationSettings(false, true), new RemediationSettings(true, true));

    @Test
    void eachAccountHasItsRolesOnceThroughItsHomeRegionProvider() {
        for (RemediationSettings settings : SETTINGS) {
            OfflineEngine.Run run = Deployments.of(ConfigBuilder.sample().alarmMode(AlarmMode.ACCESS_ONLY).remediation(settings).load());
            for (String account : ACCOUNTS) {
                Map<String, PlannedResource> roles = Deployments.ofType(run, Role.class).stream()
                        .filter(role -> role.provider().orElseThrow().account().equals(account))
                        .collect(Collectors.toMap(role -> role.input("name"), role -> role));
                Set<String> expected = new TreeSet<>(Set.of("deletion-guard-event-forwarding"));
                if (settings.anyEnabled()) {
                    expected.addAll(Set.of("deletion-guard-remediation-automation", "deletion-guard-remediation-trigger"));
                }
                assertEquals(expected, new TreeSet<>(roles.keySet()), settings + " in " + account);
                roles.values().forEach(role -> {
                    assertEquals(new ProviderTarget(account, HOME), role.provider().orElseThrow(), role.name());
                    assertTrue(role.input("assumeRolePolicy").contains("\"aws:SourceAccount\":\"" + account + "\""), role.name());
                });
                if (settings.anyEnabled()) {
                    Set<String> permissions = new TreeSet<>();
                    roles.get("deletion-guard-remediation-automation").inputs().getAsJsonArray("inlinePolicies")
                            .forEach(policy -> permissions.add(policy.getAsJsonObject().get("name").getAsString()));
                    Set<String> allowed = new TreeSet<>();
                    if (settings.cancelKeyDeletion()) {
                        allowed.add("cancel-key-deletion");
                    }
                    if (settings.restoreSecret()) {
                        allowed.add("restore-secret");
                    }
                    assertEquals(allowed, permissions, "the automation role may do only what is switched on: " + settings);
                }
            }
        }
    }

    @Test
    void accountsKeepTheirIamProviderWhenRegionsAreReorderedAddedOrRemoved() {
        for (List<String> regions : List.of(List.of("eu-west-1"), List.of("us-east-1", "eu-west-1"),
                List.of("ap-south-1", "eu-west-1", "eu-central-1"))) {
            GuardConfig changed = ConfigBuilder.sample().remediation(new RemediationSettings(true, true))
                    .set("regions", new Gson().toJson(regions))
                    .edit("accounts", accounts -> entry(accounts, 0).remove("cloudTrailLogGroup"))
                    .load();
            OfflineEngine.Run run = Deployments.of(changed);
            for (PlannedResource role : Deployments.ofType(run, Role.class)) {
                assertEquals(HOME, role.provider().orElseThrow().region(), role.name() + " with regions " + regions);
            }
        }
    }
}
