package io.github.deletionguard.naming;

/**
 * How AWS writes each kind of ARN the program's policies name. The names in them come from
 * {@link ResourceNames} or the config; ARNs are known before the resources exist, so policies can
 * be rendered (and reviewed as golden files) without waiting for them.
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

    public static String ssmDocument(String region, String accountId, String documentName) {
        return "arn:aws:ssm:" + region + ":" + accountId + ":document/" + documentName;
    }

    public static String logGroup(String region, String accountId, String logGroupName) {
        return "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + logGroupName;
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
        return kmsKey(region, accountId, "*");
    }

    public static String kmsKey(String region, String accountId, String keyId) {
        return "arn:aws:kms:" + region + ":" + accountId + ":key/" + keyId;
    }

    /** An alias's ARN, as a secret may name its key; {@code aliasName} starts with {@code alias/}. */
    public static String kmsAlias(String region, String accountId, String aliasName) {
        return "arn:aws:kms:" + region + ":" + accountId + ":" + aliasName;
    }

    /** Every Secrets Manager secret of the account in the region. */
    public static String secrets(String region, String accountId) {
        return "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:*";
    }

    /** A CloudFormation StackSet; AWS appends its id after a colon, so policies match it with a trailing wildcard. */
    public static String stackSet(String region, String accountId, String stackSetName) {
        return "arn:aws:cloudformation:" + region + ":" + accountId + ":stackset/" + stackSetName;
    }

    /** A CloudFormation stack; AWS appends its id after a slash. */
    public static String stack(String region, String accountId, String stackName) {
        return "arn:aws:cloudformation:" + region + ":" + accountId + ":stack/" + stackName;
    }
}
