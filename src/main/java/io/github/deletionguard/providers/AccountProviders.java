package io.github.deletionguard.providers;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderAssumeRoleArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import io.github.deletionguard.config.NamedAccount;

import java.util.HashMap;
import java.util.Map;

/**
 * One AWS provider per account and region, each assuming the organization's access role and
 * refusing to act in any other account ({@code allowedAccountIds}). Providers are created on
 * first use and shared, so an account that is both guarded and the security account has one.
 * Logical names come from the account name and region only: reordering config changes nothing.
 */
public final class AccountProviders {
    /** Tag on every resource the program creates; guardrails use it to recognise their own. */
    public static final String MANAGED_BY_TAG = "ManagedBy";
    public static final String MANAGED_BY_VALUE = "deletion-guard";

    private final String accessRoleName;
    private final Map<String, String> defaultTags;
    private final Map<String, Provider> byAccountAndRegion = new HashMap<>();

    public AccountProviders(String accessRoleName, String stackName) {
        this.accessRoleName = accessRoleName;
        this.defaultTags = Map.of(MANAGED_BY_TAG, MANAGED_BY_VALUE, "DeletionGuardStack", stackName);
    }

    public Provider forRegion(NamedAccount account, String region) {
        return byAccountAndRegion.computeIfAbsent(account.id() + "/" + region, key -> create(account, region));
    }

    private Provider create(NamedAccount account, String region) {
        return new Provider("aws-" + account.name() + "-" + region, ProviderArgs.builder()
                .region(region)
                .allowedAccountIds(account.id())
                .assumeRole(ProviderAssumeRoleArgs.builder()
                        .roleArn("arn:aws:iam::" + account.id() + ":role/" + accessRoleName)
                        .sessionName("deletion-guard")
                        .build())
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(defaultTags).build())
                .build());
    }
}
