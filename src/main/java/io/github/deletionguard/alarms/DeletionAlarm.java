package io.github.deletionguard.alarms;

import io.github.deletionguard.patterns.FilterPattern;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.AlarmSettings;

import java.util.Arrays;
import java.util.List;

import static io.github.deletionguard.patterns.FilterPattern.allOf;
import static io.github.deletionguard.patterns.FilterPattern.equalTo;
import static io.github.deletionguard.patterns.FilterPattern.oneOf;
import static io.github.deletionguard.patterns.FilterPattern.present;

/**
 * The alarms the program can deploy on a CloudTrail log group. Each id is part of the logical
 * and physical names of its metric filter and alarm, so ids never change once released.
 */
public enum DeletionAlarm {
    KMS_KEY_PENDING_DELETION_USE(
            "kms-key-pending-deletion-use", "KmsKeyPendingDeletionUse",
            "Something tried to use a KMS key that is pending deletion: that workload breaks for good when the"
                    + " key is deleted. Cancel the deletion unless the key is truly unused.",
            allOf(equalTo("$.eventSource", "kms.amazonaws.com"),
                    equalTo("$.errorCode", "KMSInvalidStateException"),
                    // KMS names the key and its state: "<key ARN> is pending deletion."
                    equalTo("$.errorMessage", "* is pending deletion.")),
            false, AlarmMode.ACCESS_ONLY, AlarmMode.ANY_DELETION),
    SECRET_MARKED_FOR_DELETION_ACCESS(
            "secret-marked-for-deletion-access", "SecretMarkedForDeletionAccess",
            "Something tried to read or change a secret that is scheduled for deletion: restore it"
                    + " (RestoreSecret) before the recovery window ends unless the deletion is intended.",
            allOf(equalTo("$.eventSource", "secretsmanager.amazonaws.com"),
                    equalTo("$.errorCode", "InvalidRequestException"),
                    equalTo("$.errorMessage", "*because it was marked for deletion.")),
            false, AlarmMode.ACCESS_ONLY, AlarmMode.ANY_DELETION),
    KMS_KEY_DELETION_ATTEMPT(
            "kms-key-deletion-attempt", "KmsKeyDeletionAttempt",
            "Someone called ScheduleKeyDeletion, DisableKey or DeleteImportedKeyMaterial, allowed or denied."
                    + " Confirm the change was intended; otherwise CancelKeyDeletion and EnableKey.",
            allOf(equalTo("$.eventSource", "kms.amazonaws.com"),
                    oneOf("$.eventName", "ScheduleKeyDeletion", "DisableKey", "DeleteImportedKeyMaterial")),
            false, AlarmMode.ANY_DELETION),
    SECRET_DELETION_ATTEMPT(
            "secret-deletion-attempt", "SecretDeletionAttempt",
            "Someone called DeleteSecret, allowed or denied. Confirm it was intended; otherwise RestoreSecret"
                    + " within the recovery window (a force delete cannot be undone).",
            allOf(equalTo("$.eventSource", "secretsmanager.amazonaws.com"),
                    equalTo("$.eventName", "DeleteSecret")),
            false, AlarmMode.ANY_DELETION),
    KMS_ERRORS(
            "kms-errors", "KmsErrors",
            "Many KMS calls failed in one period: someone may be probing keys or a workload lost access to one."
                    + " Look up the failing calls in CloudTrail (errorCode, userIdentity).",
            allOf(equalTo("$.eventSource", "kms.amazonaws.com"), present("$.errorCode")),
            true, AlarmMode.ANY_DELETION);

    /** CloudWatch namespace of every metric the filters publish. */
    public static final String METRIC_NAMESPACE = "DeletionGuard";

    private final String id;
    private final String metricName;
    private final String description;
    private final FilterPattern filterPattern;
    private final boolean countsErrors;
    private final List<AlarmMode> modes;

    DeletionAlarm(String id, String metricName, String description, FilterPattern filterPattern,
                  boolean countsErrors, AlarmMode... modes) {
        this.id = id;
        this.metricName = metricName;
        this.description = description;
        this.filterPattern = filterPattern;
        this.countsErrors = countsErrors;
        this.modes = List.of(modes);
    }

    public static List<DeletionAlarm> forMode(AlarmMode mode) {
        return Arrays.stream(values()).filter(alarm -> alarm.modes.contains(mode)).toList();
    }

    public String id() {
        return id;
    }

    public String metricName() {
        return metricName;
    }

    public String description() {
        return description;
    }

    public FilterPattern filterPattern() {
        return filterPattern;
    }

    /** The burst alarm on KMS errors uses its own threshold; every other alarm fires on the first event. */
    public double threshold(AlarmSettings settings) {
        return countsErrors ? settings.kmsErrorThreshold() : settings.threshold();
    }
}
