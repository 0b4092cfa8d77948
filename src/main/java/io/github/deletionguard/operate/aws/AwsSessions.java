package io.github.deletionguard.operate.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions in the organization's accounts: the caller's own credentials (the deployer's, as CI
 * has them for {@code pulumi up}) assume the access role in each account once, and every region's
 * clients of that account share the refreshed credentials.
 */
public final class AwsSessions implements AutoCloseable {
    private final AccessRole accessRole;
    private final AwsCredentialsProvider callerCredentials;
    private final SdkHttpClient http;
    private final Region stsRegion;
    private final Map<String, StsAssumeRoleCredentialsProvider> byAccount = new ConcurrentHashMap<>();

    public AwsSessions(AccessRole accessRole, AwsCredentialsProvider callerCredentials, SdkHttpClient http, Region stsRegion) {
        this.accessRole = accessRole;
        this.callerCredentials = callerCredentials;
        this.http = http;
        this.stsRegion = stsRegion;
    }

    /** The caller's default credentials; connections enough for every parallel worker. */
    public static AwsSessions fromEnvironment(AccessRole accessRole, Region stsRegion, int parallelism) {
        SdkHttpClient http = ApacheHttpClient.builder().maxConnections(Math.max(50, parallelism * 4)).build();
        return new AwsSessions(accessRole, DefaultCredentialsProvider.builder().build(), http, stsRegion);
    }

    public AccessRole accessRole() {
        return accessRole;
    }

    /** Clients in the account; the role is assumed on the first call that needs it, where its failure is reported. */
    public AccountClients in(String accountId, String region) {
        return new AccountClients(accountId, Region.of(region), credentialsFor(accountId), http);
    }

    private AwsCredentialsProvider credentialsFor(String accountId) {
        return byAccount.computeIfAbsent(accountId, id -> StsAssumeRoleCredentialsProvider.builder()
                .stsClient(StsClient.builder().region(stsRegion).credentialsProvider(callerCredentials).httpClient(http)
                        .overrideConfiguration(AccountClients.retries()).build())
                .refreshRequest(request -> request.roleArn(accessRole.arnIn(id)).roleSessionName(AccessRole.SESSION_NAME))
                .build());
    }

    @Override
    public void close() {
        byAccount.values().forEach(StsAssumeRoleCredentialsProvider::close);
        http.close();
    }
}
