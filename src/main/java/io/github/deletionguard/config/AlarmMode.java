package io.github.deletionguard.config;

import java.util.Arrays;
import java.util.Optional;

/** Which CloudTrail events raise an alarm; chosen per stack by {@code deletion-guard:alarmMode}. */
public enum AlarmMode {
    /** Alarms only when something uses a key pending deletion or reads a secret marked for deletion. */
    ACCESS_ONLY("access-only"),
    /** Also alarms on every deletion attempt (allowed or denied) and on bursts of KMS errors. */
    ANY_DELETION("any-deletion");

    private final String configValue;

    AlarmMode(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    public static Optional<AlarmMode> fromConfigValue(String value) {
        return Arrays.stream(values()).filter(mode -> mode.configValue.equals(value)).findFirst();
    }
}
