package io.github.deletionguard.accounts;

/**
 * ARNs of resources whose names the program sets itself, known before they exist so policies can
 * be rendered (and reviewed as golden files) without waiting for the resources.
 */
public final class Arns {
    private Arns() {
    }

    public static String accountRoot(String accountId) {
        return "arn:aws:iam::" + accountId + ":root";
    }

    public static String snsTopic(String region, String accountId, String topicName) {
        return "arn:aws:sns:" + region + ":" + accountId + ":" + topicName;
    }

    public static String cloudWatchAlarm(String region, String accountId, String alarmName) {
        return "arn:aws:cloudwatch:" + region + ":" + accountId + ":alarm:" + alarmName;
    }
}
