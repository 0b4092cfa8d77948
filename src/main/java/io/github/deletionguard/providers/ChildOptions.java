package io.github.deletionguard.providers;

import com.pulumi.aws.Provider;
import com.pulumi.core.Alias;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Objects;

/** Options for a component's AWS resources: parented to the component, on an explicit provider. */
public final class ChildOptions {
    private ChildOptions() {
    }

    /**
     * Refuses a missing provider: a resource on the default provider would land in whatever
     * account the deployer's credentials point at.
     */
    public static Provider requireProvider(Provider provider, String component) {
        return Objects.requireNonNull(provider,
                component + " needs an explicit account provider; the default provider is never used");
    }

    public static CustomResourceOptions of(ComponentResource parent, Provider provider) {
        return CustomResourceOptions.builder().parent(parent).provider(provider).build();
    }

    /**
     * For a resource that carries on one released under another logical name in the same parent:
     * the alias keeps its identity, so Pulumi updates or replaces it instead of deleting the old
     * resource and creating an unrelated new one.
     */
    public static CustomResourceOptions renamedFrom(ComponentResource parent, Provider provider, String formerName) {
        return CustomResourceOptions.builder().parent(parent).provider(provider)
                .aliases(Alias.builder().name(formerName).build()).build();
    }

    /**
     * For resources with a fixed physical name (IAM roles): a replacement can only delete the old
     * one first, because creating the new one first fails on the name that is still taken.
     */
    public static CustomResourceOptions ofFixedName(ComponentResource parent, Provider provider) {
        return CustomResourceOptions.builder().parent(parent).provider(provider).deleteBeforeReplace(true).build();
    }
}
