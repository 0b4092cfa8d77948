package io.github.deletionguard.config;

import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code deletion-guard:remediation}: read, defaulted and validated without any Pulumi engine. */
class RemediationConfigTest {
    private static final String KEY = "deletion-guard:remediation";

    @Test
    void theStackFilesSwitchRemediationOnInProdAndOffInStaging() {
        assertEquals(new RemediationSettings(true, true), load("prod", Map.of()).remediation());
        assertEquals(new RemediationSettings(false, false), load("staging", Map.of()).remediation());
    }

    @Test
    void unsetMeansOff() {
        assertEquals(RemediationSettings.off(), ConfigBuilder.stackFile("prod").remove(KEY).load().remediation());
    }

    @Test
    void eachActionIsSwitchedOnItsOwnAndAMissingOneIsOff() {
        assertEquals(new RemediationSettings(true, false), load("prod", Map.of(KEY, "{\"cancelKeyDeletion\":true}")).remediation());
        // pulumi config set --path may store the value as text.
        assertEquals(new RemediationSettings(false, true),
                load("prod", Map.of(KEY, "{\"cancelKeyDeletion\":\"false\",\"restoreSecret\":\"true\"}")).remediation());
    }

    @Test
    void aValueThatIsNotABooleanIsReportedWithItsPath() {
        assertIssues(Map.of(KEY, "{\"cancelKeyDeletion\":\"yes\",\"restoreSecret\":1}"), List.of(
                KEY + ".cancelKeyDeletion: must be true or false, found the text \"yes\". Fix: write true or false.",
                KEY + ".restoreSecret: must be true or false, found the number 1. Fix: write true or false."));
    }

    @Test
    void aMisspeltActionIsReportedInsteadOfIgnored() {
        assertIssues(Map.of(KEY, "{\"cancelKeyDeletion\":true,\"restoreSecrets\":true}"), List.of(
                KEY + ".restoreSecrets: is not a known field; did you mean restoreSecret?"
                        + " Fix: rename it to restoreSecret, or remove it (known: cancelKeyDeletion, restoreSecret)."));
    }

    @Test
    void remediationWrittenAsSomethingOtherThanAMapIsReported() {
        assertIssues(Map.of(KEY, "[\"cancelKeyDeletion\"]"), List.of(
                KEY + ": must be a map of fields, found a list. Fix: write remediation as"
                        + " {cancelKeyDeletion: true|false, restoreSecret: true|false}."));
    }

    @Test
    void aPrefixSystemsManagerReservesIsRefusedOnlyWhenRemediationIsOn() {
        assertIssues(Map.of("deletion-guard:resourcePrefix", "aws-guard"), List.of(
                "deletion-guard:resourcePrefix: 'aws-guard' starts with 'aws', which Systems Manager reserves, so the"
                        + " remediation Automation document named after it cannot be created. Fix: choose a prefix"
                        + " that does not start with aws, amazon or amzn, or switch deletion-guard:remediation off."));
        GuardConfig off = load("prod", Map.of("deletion-guard:resourcePrefix", "aws-guard",
                KEY, "{\"cancelKeyDeletion\":false,\"restoreSecret\":false}"));
        assertEquals("aws-guard", off.resourcePrefix());
    }

    private static void assertIssues(Map<String, String> overrides, List<String> expected) {
        assertEquals(expected, withOverrides("prod", overrides).issues().stream().map(ConfigIssue::describe).toList());
    }

    private static GuardConfig load(String stack, Map<String, String> overrides) {
        return withOverrides(stack, overrides).load();
    }

    private static ConfigBuilder withOverrides(String stack, Map<String, String> overrides) {
        ConfigBuilder config = ConfigBuilder.stackFile(stack);
        overrides.forEach(config::set);
        return config;
    }
}
