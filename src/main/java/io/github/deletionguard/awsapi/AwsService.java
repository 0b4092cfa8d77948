package io.github.deletionguard.awsapi;

/**
 * An AWS service as its three vocabularies name it: the IAM action prefix, the CloudTrail
 * {@code eventSource}, and the {@code source} of the events EventBridge delivers.
 */
public enum AwsService {
    KMS("kms"),
    SECRETS_MANAGER("secretsmanager"),
    CLOUDWATCH("cloudwatch"),
    SSM("ssm"),
    CLOUDTRAIL("cloudtrail"),
    CLOUDWATCH_LOGS("logs");

    private final String iamPrefix;

    AwsService(String iamPrefix) {
        this.iamPrefix = iamPrefix;
    }

    public String iamPrefix() {
        return iamPrefix;
    }

    /** CloudTrail's {@code eventSource}, e.g. {@code kms.amazonaws.com}. */
    public String eventSource() {
        return iamPrefix + ".amazonaws.com";
    }

    /** EventBridge's {@code source}, e.g. {@code aws.kms}. */
    public String eventBridgeSource() {
        return "aws." + iamPrefix;
    }
}
