package io.github.deletionguard.config;

/**
 * How the alarms on failed calls evaluate their metrics. {@code threshold} applies to every alarm
 * that counts failed calls; {@code kmsErrorThreshold} only to the KMS error burst alarm, which
 * must tolerate the background of failed calls every account has. Alarms on successful deletions
 * ignore these settings: they fire on the first one and return to OK after a quiet minute.
 */
public record AlarmSettings(int periodSeconds, double threshold, int evaluationPeriods, double kmsErrorThreshold) {

    public static AlarmSettings defaults() {
        return new AlarmSettings(300, 1, 1, 10);
    }
}
