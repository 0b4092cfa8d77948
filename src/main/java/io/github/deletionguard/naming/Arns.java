package io.github.deletionguard.naming;

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

    public static String iamRole(String accountId, String roleName) {
        return "arn:aws:iam::" + accountId + ":role/" + roleName;
    }

    public static String eventBus(String region, String accountId, String busName) {
        return "arn:aws:events:" + region + ":" + accountId + ":event-bus/" + busName;
    }

    /** A rule on the account's default event bus. */
    public static String eventRule(String region, String accountId, String ruleName) {
        return "arn:aws:events:" + region + ":" + accountId + ":rule/" + ruleName;
    }

    /** A rule on a custom event bus: its ARN names the bus too. */
    public static String eventRule(String region, String accountId, String busName, String ruleName) {
        return "arn:aws:events:" + region + ":" + accountId + ":rule/" + busName + "/" + ruleName;
    }

    /** The default version of an Automation document, as EventBridge targets and IAM name it. */
    public static String automationDefinition(String region, String accountId, String documentName) {
        return "arn:aws:ssm:" + region + ":" + accountId + ":automation-definition/" + documentName + ":$DEFAULT";
    }

    /** Every Automation execution of the account in the region. */
    public static String automationExecutions(String region, String accountId) {
        return "arn:aws:ssm:" + region + ":" + accountId + ":automation-execution/*";
    }

    /** Every KMS key of the account in the region. */
    public static String kmsKeys(String region, String accountId) {
        return "arn:aws:kms:" + region + ":" + accountId + ":key/*";
    }

    /** Every Secrets Manager secret of the account in the region. */
    public static String secrets(String region, String accountId) {
        return "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:*";
    }
}
