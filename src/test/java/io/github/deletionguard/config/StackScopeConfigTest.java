package io.github.deletionguard.config;

import com.google.gson.JsonPrimitive;
import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.deletionguard.testing.ConfigBuilder.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackScopeConfigTest {
    private static final String PAYMENTS_OU = "ou-ab12-payments1";

    private static ConfigBuilder withUnits() {
        return ConfigBuilder.sample().edit("accounts", accounts -> {
            entry(accounts, 0).add("organizationalUnit", new JsonPrimitive("ou-ab12-corecore"));
            entry(accounts, 1).add("organizationalUnit", new JsonPrimitive("ou-ab12-corecore"));
            entry(accounts, 2).add("organizationalUnit", new JsonPrimitive(PAYMENTS_OU));
        });
    }

    private static List<String> issueFields(ConfigBuilder config) {
        return config.issues().stream().map(ConfigIssue::field).toList();
    }

    @Test
    void withoutAScopeTheStackGuardsEveryAccountAndOwnsTheCentralResources() {
        GuardConfig config = withUnits().load();

        assertEquals(config.accounts(), config.guardedAccounts());
        assertTrue(config.stackScope().ownsCentralResources());
    }

    @Test
    void aScopeByOrganizationalUnitGuardsOnlyThatUnitsAccounts() {
        GuardConfig config = withUnits().set("stackScope",
                "{\"organizationalUnits\":[\"" + PAYMENTS_OU + "\"],\"ownsCentralResources\":false}").load();

        assertEquals(List.of("workload"), config.guardedAccounts().stream().map(MemberAccount::name).toList());
        assertFalse(config.stackScope().ownsCentralResources());
        assertEquals(3, config.configuredAccountIds().size(), "the whole account list stays known");
    }

    @Test
    void aScopeByNameGuardsOnlyTheNamedAccounts() {
        GuardConfig config = withUnits().set("stackScope", "{\"accounts\":[\"management\",\"security\"]}").load();

        assertEquals(List.of("management", "security"), config.guardedAccounts().stream().map(MemberAccount::name).toList());
    }

    @Test
    void malformedAndUnusedUnitsAndUnknownNamesAreRejected() {
        ConfigBuilder config = withUnits()
                .edit("accounts", accounts -> entry(accounts, 2).add("organizationalUnit", new JsonPrimitive("payments")))
                .set("stackScope", "{\"organizationalUnits\":[\"ou-zz99-nobodyhere\",\"payments\"],\"accounts\":[\"ghost\"]}");

        assertEquals(List.of("deletion-guard:accounts[2].organizationalUnit",
                "deletion-guard:stackScope.organizationalUnits[0]", "deletion-guard:stackScope.organizationalUnits[1]",
                "deletion-guard:stackScope.accounts[0]", "deletion-guard:stackScope"), issueFields(config));
    }

    @Test
    void aScopeThatSelectsNoAccountIsRejected() {
        ConfigBuilder config = withUnits().set("stackScope",
                "{\"organizationalUnits\":[\"" + PAYMENTS_OU + "\"],\"accounts\":[\"management\"]}");

        assertEquals(List.of("deletion-guard:stackScope"), issueFields(config));
    }

    @Test
    void centralResourcesBelongToTheStackThatOwnsThem() {
        ConfigBuilder config = withUnits()
                .set("stackScope", "{\"organizationalUnits\":[\"" + PAYMENTS_OU + "\"],\"ownsCentralResources\":false}")
                .set("serviceControlPolicy", """
                        {"rollout": "full", "minimumWindowDays": 14, "targets": [{"id": "r-ab12", "alreadyAttached": 1}]}""");

        assertEquals(List.of("deletion-guard:serviceControlPolicy"), issueFields(config));
    }
}
