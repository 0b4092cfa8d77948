package io.github.deletionguard.plan;

import com.google.gson.JsonObject;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;

import java.util.List;
import java.util.Optional;

/**
 * One resource as the program registered it with the engine.
 *
 * @param parent   the parent's URN, empty at the stack's root
 * @param provider the account and region of the provider it uses; empty for providers and components
 * @param aliases  the URNs the resource was known by before, which Pulumi treats as the same resource
 */
public record PlannedResource(
        String type,
        String name,
        String urn,
        Optional<String> parent,
        Optional<ProviderTarget> provider,
        boolean protect,
        boolean retainOnDelete,
        List<String> dependsOn,
        List<String> aliases,
        JsonObject inputs) {

    public static final String AWS_PROVIDER_TYPE = "pulumi:providers:aws";

    /** Where a provider acts: its one allowed account and its region. */
    public record ProviderTarget(String account, String region) {
    }

    /** The Pulumi type token of an SDK resource class, e.g. {@code aws:kms/key:Key}. */
    public static String typeToken(Class<? extends CustomResource> type) {
        return type.getAnnotation(ResourceType.class).type();
    }

    public boolean is(Class<? extends CustomResource> sdkType) {
        return type.equals(typeToken(sdkType));
    }

    public boolean isProvider() {
        return type.startsWith("pulumi:providers:");
    }

    public boolean isComponent() {
        return type.startsWith("deletion-guard:");
    }

    public String input(String key) {
        return inputs.has(key) && inputs.get(key).isJsonPrimitive() ? inputs.get(key).getAsString() : null;
    }
}
