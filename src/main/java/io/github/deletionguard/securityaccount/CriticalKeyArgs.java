package io.github.deletionguard.securityaccount;

import com.pulumi.aws.Provider;
import io.github.deletionguard.config.CriticalKeyDefinition;

import java.util.Map;

/**
 * @param providers the security account's provider in the home region and in each replica region
 * @param policies  the rendered key policy per region (home and replicas)
 */
public record CriticalKeyArgs(
        CriticalKeyDefinition key,
        String homeRegion,
        Map<String, Provider> providers,
        Map<String, String> policies) {

    public CriticalKeyArgs {
        providers = Map.copyOf(providers);
        policies = Map.copyOf(policies);
    }
}
