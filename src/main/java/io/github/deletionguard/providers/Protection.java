package io.github.deletionguard.providers;

import com.pulumi.aws.Provider;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;

/**
 * Options for every resource whose loss cannot be undone or would open a gap: critical keys and
 * secrets and the organization policies. {@code protect} makes any deployment
 * that would delete or replace it fail (a mistaken {@code pulumi destroy}, an entry removed from
 * config, a renamed alias); {@code retainOnDelete} keeps it in AWS even once someone has lifted
 * the protection, so the actual deletion is always a separate, deliberate AWS call. Aliases and
 * secret policies get both too: Pulumi deletes dependents first, so an unprotected alias or
 * policy would be gone before the protected key or secret stopped the deployment.
 */
public final class Protection {
    private Protection() {
    }

    public static CustomResourceOptions of(ComponentResource parent, Provider provider) {
        return CustomResourceOptions.builder()
                .parent(parent)
                .provider(provider)
                .protect(true)
                .retainOnDelete(true)
                .build();
    }
}
