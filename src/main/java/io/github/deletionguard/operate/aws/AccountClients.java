package io.github.deletionguard.operate.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients of one account in one region, signed with the access role's credentials, over
 * the shared HTTP client, retrying throttled calls with the SDK's adaptive mode (it slows the
 * whole client down when AWS throttles instead of hammering on).
 */
public final class AccountClients {
    /** Organizations is a global service served from us-east-1. */
    public static final Region ORGANIZATIONS_REGION = Region.US_EAST_1;

    private final String accountId;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http;

    AccountClients(String accountId, Region region, AwsCredentialsProvider credentials, SdkHttpClient http) {
        this.accountId = accountId;
        this.region = region;
        this.credentials = credentials;
        this.http = http;
    }

    public String accountId() {
        return accountId;
    }

    public Region region() {
        return region;
    }

    /**
     * Assumes the access role (once per account, the credentials are shared) and returns the
     * session's ARN; throws where the account cannot be reached, so that a command reports the
     * place once, as unreachable, instead of every check in it failing for the same reason.
     */
    public String reach() {
        return sts().getCallerIdentity().arn();
    }

    public StsClient sts() {
        return build(StsClient.builder(), region);
    }

    public KmsClient kms() {
        return build(KmsClient.builder(), region);
    }

    public SecretsManagerClient secretsManager() {
        return build(SecretsManagerClient.builder(), region);
    }

    public SnsClient sns() {
        return build(SnsClient.builder(), region);
    }

    public SqsClient sqs() {
        return build(SqsClient.builder(), region);
    }

    public CloudWatchClient cloudWatch() {
        return build(CloudWatchClient.builder(), region);
    }

    public CloudWatchLogsClient logs() {
        return build(CloudWatchLogsClient.builder(), region);
    }

    public CloudTrailClient cloudTrail() {
        return build(CloudTrailClient.builder(), region);
    }

    public EventBridgeClient events() {
        return build(EventBridgeClient.builder(), region);
    }

    public SsmClient ssm() {
        return build(SsmClient.builder(), region);
    }

    public IamClient iam() {
        return build(IamClient.builder(), Region.AWS_GLOBAL);
    }

    public OrganizationsClient organizations() {
        return build(OrganizationsClient.builder(), ORGANIZATIONS_REGION);
    }

    static ClientOverrideConfiguration retries() {
        return ClientOverrideConfiguration.builder().retryStrategy(RetryMode.ADAPTIVE_V2).build();
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, Region clientRegion) {
        return builder.region(clientRegion)
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(retries())
                .build();
    }
}
