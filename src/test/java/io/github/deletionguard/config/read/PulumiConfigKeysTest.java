package io.github.deletionguard.config.read;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The key names of PULUMI_CONFIG, the JSON object in which the CLI hands a program its whole stack config. */
class PulumiConfigKeysTest {

    @Test
    void everyKeyOfTheObjectIsPresentWhateverItsNamespace() {
        assertEquals(Set.of("deletion-guard:alarmMode", "deletion-guard:accounts", "aws:region"), PulumiConfigKeys.parse("""
                {"deletion-guard:alarmMode": "any-deletion", "deletion-guard:accounts": "[{\\"id\\":\\"1\\"}]",
                 "aws:region": "eu-central-1"}"""));
    }

    @Test
    void theOlderProjectConfigKeyFormMeansTheSameKey() {
        assertEquals(Set.of("deletion-guard:alarmMode"), PulumiConfigKeys.parse("{\"deletion-guard:config:alarmMode\": \"x\"}"));
    }

    @Test
    void withoutTheVariableNoKeyIsPresent() {
        // Surefire runs the tests without a Pulumi CLI, so the variable is unset here.
        assertEquals(Set.of(), PulumiConfigKeys.fromEnvironment());
    }
}
