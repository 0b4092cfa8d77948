package io.github.deletionguard.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * How far the service control policy reaches, set per stack by
 * {@code deletion-guard:serviceControlPolicy.rollout}. A deny that is wrong locks people out of
 * every account it reaches, so a stack first proves it on one OU of test accounts.
 */
public enum PolicyRollout {
    /** Exactly one target, an OU: the policy is being tried on test accounts. */
    TEST_OU("test-ou"),
    /** Every listed target: the root, OUs or single accounts. */
    FULL("full");

    private final String configValue;

    PolicyRollout(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static Optional<PolicyRollout> fromConfigValue(String value) {
        return Arrays.stream(values()).filter(rollout -> rollout.configValue.equals(value)).findFirst();
    }
}
