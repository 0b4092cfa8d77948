package io.github.deletionguard.securityaccount;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import io.github.deletionguard.config.CriticalResources;

import java.util.Map;

/**
 * @param providers    the security account's provider per region: the home region and every replica region
 * @param secretValues values from secret config by secret name, still Outputs marked secret
 */
public record CriticalVaultArgs(
        CriticalResources resources,
        String homeRegion,
        Map<String, Provider> providers,
        VaultPolicies policies,
        Map<String, Output<String>> secretValues) {

    public CriticalVaultArgs {
        providers = Map.copyOf(providers);
        secretValues = Map.copyOf(secretValues);
    }
}
