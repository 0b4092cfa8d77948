package io.github.deletionguard.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * How the member baseline (forwarding rules, remediation, their IAM roles) reaches accounts, set
 * by {@code deletion-guard:memberBaseline.engine}.
 */
public enum BaselineEngine {
    /** One Pulumi provider per configured account and region: only the accounts in {@code accounts[]}. */
    PROVIDERS("providers"),
    /**
     * Service-managed CloudFormation StackSets with automatic deployment: every account of the
     * chosen OUs, now and later, without a {@code pulumi up} per new account.
     */
    STACKSETS("stacksets");

    private final String configValue;

    BaselineEngine(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static Optional<BaselineEngine> fromConfigValue(String value) {
        return Arrays.stream(values()).filter(engine -> engine.configValue.equals(value)).findFirst();
    }
}
