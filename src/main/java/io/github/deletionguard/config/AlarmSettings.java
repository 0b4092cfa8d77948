package io.github.deletionguard.config;

/**
 * How the deletion alarms evaluate their metrics. {@code threshold} applies to every alarm that
 * counts deletion events; {@code kmsErrorThreshold} only to the KMS error burst alarm, which
 * must tolerate the background of failed calls every account has.
 */
public record AlarmSettings(int periodSeconds, double threshold, int evaluationPeriods, double kmsErrorThreshold) {

    public static AlarmSettings defaults() {
        return new AlarmSettings(300, 1, 1, 10);
    }
}
