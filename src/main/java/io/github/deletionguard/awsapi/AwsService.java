package io.github.deletionguard.awsapi;

import java.util.Arrays;

/**
 * An AWS service as its three vocabularies name it: the IAM action prefix, the CloudTrail
 * {@code eventSource}, and the {@code source} of the events EventBridge delivers.
 */
public enum AwsService {
    KMS("kms"),
    SECRETS_MANAGER("secretsmanager"),
    /** CloudTrail records CloudWatch's calls under its endpoint's name, {@code monitoring}. */
    CLOUDWATCH("cloudwatch", "monitoring", false),
    SSM("ssm"),
    CLOUDHSM("cloudhsm"),
    EVENTS("events"),
    SNS("sns"),
    CLOUDWATCH_LOGS("logs"),
    CLOUDTRAIL("cloudtrail"),
    IAM("iam", "iam", true),
    /** Calls to the global endpoint are delivered in us-east-1; calls to a regional endpoint in that region. */
    STS("sts", "sts", true),
    ORGANIZATIONS("organizations", "organizations", true);

    /**
     * Where EventBridge delivers the CloudTrail events of a global service (IAM, STS's global
     * endpoint, Organizations): the default bus of us-east-1 in the account, whatever region the
     * caller named. A rule anywhere else never sees them.
     */
    public static final String GLOBAL_EVENTS_REGION = "us-east-1";

    private final String iamPrefix;
    private final String endpointPrefix;
    private final boolean global;

    AwsService(String iamPrefix) {
        this(iamPrefix, iamPrefix, false);
    }

    AwsService(String iamPrefix, String endpointPrefix, boolean global) {
        this.iamPrefix = iamPrefix;
        this.endpointPrefix = endpointPrefix;
        this.global = global;
    }

    /** The service whose calls CloudTrail records under this {@code eventSource}. */
    public static AwsService ofEventSource(String eventSource) {
        return Arrays.stream(values()).filter(service -> service.eventSource().equals(eventSource)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service in the catalogue has eventSource " + eventSource));
    }

    /** Its events arrive only in {@link #GLOBAL_EVENTS_REGION}. */
    public boolean global() {
        return global;
    }

    public String iamPrefix() {
        return iamPrefix;
    }

    /** CloudTrail's {@code eventSource}, e.g. {@code kms.amazonaws.com}. */
    public String eventSource() {
        return endpointPrefix + ".amazonaws.com";
    }

    /** EventBridge's {@code source}, e.g. {@code aws.kms}. */
    public String eventBridgeSource() {
        return "aws." + iamPrefix;
    }
}
