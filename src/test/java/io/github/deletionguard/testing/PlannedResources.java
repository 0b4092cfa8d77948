package io.github.deletionguard.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.resources.CustomResource;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.plan.PlannedResource.ProviderTarget;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collector;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Queries on a mock-engine run: resources by provider target, physical name or logical name, and their documents. */
public final class PlannedResources {
    private PlannedResources() {
    }

    /** The resources of one type registered through the provider of an account and region. */
    public static List<PlannedResource> at(OfflineEngine.Run run, Class<? extends CustomResource> type, ProviderTarget target) {
        return Deployments.ofType(run, type).stream()
                .filter(resource -> resource.provider().orElseThrow().equals(target)).toList();
    }

    /** The one resource of the type with that physical name ({@code name} input) at the target. */
    public static PlannedResource only(OfflineEngine.Run run, Class<? extends CustomResource> type, ProviderTarget target,
                                       String physicalName) {
        return at(run, type, target).stream().filter(resource -> physicalName.equals(resource.input("name")))
                .collect(onlyOne());
    }

    /** The one target of the rule with that physical name at the target. */
    public static PlannedResource onlyTargetOf(OfflineEngine.Run run, ProviderTarget target, String ruleName) {
        return at(run, EventTarget.class, target).stream().filter(resource -> ruleName.equals(resource.input("rule")))
                .collect(onlyOne());
    }

    /** The resource of the type with that logical name. */
    public static PlannedResource named(OfflineEngine.Run run, Class<? extends CustomResource> type, String logicalName) {
        return Deployments.ofType(run, type).stream().filter(resource -> resource.name().equals(logicalName))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + logicalName));
    }

    /** An input transformer's paths, sorted by variable. */
    public static Map<String, String> transformerPaths(JsonObject transformer) {
        Map<String, String> paths = new TreeMap<>();
        transformer.getAsJsonObject("inputPaths").entrySet()
                .forEach(entry -> paths.put(entry.getKey(), entry.getValue().getAsString()));
        return paths;
    }

    /** An input transformer as a reviewer reads it in a golden file: sorted paths, then the template. */
    public static String transformerText(JsonObject transformer) {
        StringBuilder text = new StringBuilder("inputPaths:\n");
        transformerPaths(transformer).forEach((name, path) -> text.append("  ").append(name).append(": ").append(path).append('\n'));
        return text.append("inputTemplate: ").append(transformer.get("inputTemplate").getAsString()).append('\n').toString();
    }

    /** A role's inline policies by name. */
    public static Map<String, String> inlinePolicies(PlannedResource role) {
        Map<String, String> policies = new TreeMap<>();
        for (JsonElement policy : role.inputs().getAsJsonArray("inlinePolicies")) {
            policies.put(policy.getAsJsonObject().get("name").getAsString(), policy.getAsJsonObject().get("policy").getAsString());
        }
        return policies;
    }

    public static Collector<PlannedResource, ?, PlannedResource> onlyOne() {
        return Collectors.collectingAndThen(Collectors.toList(), list -> {
            assertEquals(1, list.size(), "expected exactly one, found " + list.stream().map(PlannedResource::name).toList());
            return list.get(0);
        });
    }
}
