package io.github.deletionguard.plan;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.pulumi.Context;
import com.pulumi.Log;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import com.pulumi.test.Mocks;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import pulumirpc.AliasOuterClass;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a Pulumi program under the SDK's in-process mock engine and returns every registration as
 * the engine received it. The program is the same one {@code pulumi up} runs; only the engine
 * and the cloud are simulated. This is the one class that uses the SDK's internal test classes
 * ({@code com.pulumi.test.internal}, the engine's wire types), so an SDK upgrade that changes
 * them changes this file only.
 */
public final class OfflineEngine {
    private static final String STACK_TYPE = "pulumi:pulumi:Stack";
    private static final Gson GSON = new Gson();
    private static final Logger QUIET = quietLogger();

    private OfflineEngine() {
    }

    /** What one run registered, its stack outputs, and what failed. */
    public record Run(String stack, List<PlannedResource> resources, Map<String, Object> outputs, List<Exception> errors) {
    }

    /**
     * @param config     full config keys ({@code deletion-guard:alarmMode}) to values as Pulumi hands them over
     * @param secretKeys keys whose values are secrets
     */
    public static Run run(String project, String stack, Map<String, String> config, Set<String> secretKeys,
                          Consumer<Context> program) {
        PlanMocks mocks = new PlanMocks();
        // Resource constructors run in program order; the engine may see registrations in another
        // order (inputs resolve asynchronously), so the construction order is recorded here.
        Map<Resource, Integer> constructionOrder = new IdentityHashMap<>();
        ResourceTransformation recordOrder = args -> {
            synchronized (constructionOrder) {
                constructionOrder.putIfAbsent(args.resource(), constructionOrder.size());
            }
            return Optional.empty();
        };
        AtomicReference<RecordingMonitor> monitor = new AtomicReference<>();
        PulumiTestInternal engine = PulumiTestInternal.builder()
                .options(TestOptions.builder()
                        .projectName(project)
                        .stackName(stack)
                        .preview(false)
                        .resourceTransformations(List.of(recordOrder))
                        .build())
                .mocks(mocks)
                // The engine would log each program failure with its stack trace; the caller reports it.
                .standardLogger(QUIET)
                .config(config, secretKeys)
                .monitorDecorator(ignored -> {
                    monitor.set(new RecordingMonitor(mocks, PulumiTestInternal.mockLog()));
                    return monitor.get();
                })
                .build();
        try {
            TestResult result = engine.runTest(program);
            List<Registration> registrations = new ArrayList<>(monitor.get().registrations());
            registrations.sort(Comparator.comparingInt(registration ->
                    constructionOrder.getOrDefault(registration.resource(), Integer.MAX_VALUE)));
            List<Exception> errors = new ArrayList<>(result.exceptions());
            if (errors.isEmpty()) {
                // Engine errors without an exception (an exception is reported as both).
                result.errors().forEach(message -> errors.add(new IllegalStateException(message)));
            }
            return new Run(stack, toPlannedResources(registrations), outputValues(result.outputs()), errors);
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static List<PlannedResource> toPlannedResources(List<Registration> registrations) {
        String stackUrn = registrations.stream()
                .filter(registration -> registration.request().getType().equals(STACK_TYPE))
                .map(Registration::urn).findFirst().orElse("");
        Map<String, PlannedResource.ProviderTarget> providerTargets = new HashMap<>();
        List<PlannedResource> resources = new ArrayList<>();
        for (Registration registration : registrations) {
            RegisterResourceRequest request = registration.request();
            if (request.getType().equals(STACK_TYPE)) {
                continue;
            }
            var inputs = StructJson.toJson(request.getObject());
            if (request.getType().equals(PlannedResource.AWS_PROVIDER_TYPE)) {
                providerTargets.put(registration.urn(), ProviderInputs.target(inputs));
            }
            String providerUrn = request.getProvider().isEmpty() ? ""
                    : request.getProvider().substring(0, request.getProvider().lastIndexOf("::"));
            Optional<PlannedResource.ProviderTarget> provider = !request.getCustom() || request.getType().startsWith("pulumi:providers:")
                    ? Optional.empty()
                    // A custom resource with no provider reference would use the default provider.
                    : Optional.of(providerTargets.getOrDefault(providerUrn, new PlannedResource.ProviderTarget("", "")));
            String parent = request.getParent();
            resources.add(new PlannedResource(
                    request.getType(),
                    request.getName(),
                    registration.urn(),
                    parent.isEmpty() || parent.equals(stackUrn) ? Optional.empty() : Optional.of(parent),
                    provider,
                    request.getProtect(),
                    request.getRetainOnDelete(),
                    List.copyOf(request.getDependenciesList()),
                    aliasUrns(request, registration.urn()),
                    inputs));
        }
        return resources;
    }

    /**
     * Every alias as a full URN, the way the engine resolves the SDK's alias specs: a part the spec
     * leaves out is the resource's own (name, type, stack, project, parent).
     */
    private static List<String> aliasUrns(RegisterResourceRequest request, String urn) {
        List<String> urns = new ArrayList<>(request.getAliasURNsList());
        request.getAliasesList().forEach(alias -> urns.add(alias.hasUrn() ? alias.getUrn() : resolve(alias.getSpec(), urn)));
        return List.copyOf(urns);
    }

    private static String resolve(AliasOuterClass.Alias.Spec spec, String urn) {
        // urn:pulumi:<stack>::<project>::<parent types$type>::<name>
        String[] parts = urn.split("::", 4);
        String qualifiedType = parts[2];
        int ownTypeStart = qualifiedType.lastIndexOf('$') + 1;
        String type = spec.getType().isEmpty() ? qualifiedType.substring(ownTypeStart) : spec.getType();
        // The SDK sends an empty parent URN for "the resource's own parent", as the engine reads it.
        String parentTypes = !spec.getParentUrn().isEmpty() ? spec.getParentUrn().split("::", 4)[2]
                : spec.getNoParent() || ownTypeStart == 0 ? "" : qualifiedType.substring(0, ownTypeStart - 1);
        return (spec.getStack().isEmpty() ? parts[0] : "urn:pulumi:" + spec.getStack())
                + "::" + (spec.getProject().isEmpty() ? parts[1] : spec.getProject())
                + "::" + (parentTypes.isEmpty() ? type : parentTypes + "$" + type)
                + "::" + (spec.getName().isEmpty() ? parts[3] : spec.getName());
    }

    private static Map<String, Object> outputValues(Map<String, Output<?>> outputs) {
        Map<String, Object> values = new LinkedHashMap<>();
        outputs.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            var data = PulumiTestInternal.extractOutputData(entry.getValue());
            values.put(entry.getKey(), data.isSecret() ? "[secret]" : data.getValueNullable());
        });
        return values;
    }

    private static Logger quietLogger() {
        Logger logger = Logger.getLogger(OfflineEngine.class.getName() + ".engine");
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.OFF);
        return logger;
    }

    static JsonElement toJson(Object value) {
        return GSON.toJsonTree(value);
    }

    /** A registration request as the SDK sent it, and the URN the engine assigned. */
    private record Registration(Resource resource, RegisterResourceRequest request, String urn) {
    }

    /** The mock engine's monitor, keeping each registration exactly as {@code pulumi up} would send it. */
    private static final class RecordingMonitor extends MockMonitor {
        private final List<Registration> registrations = new ArrayList<>();

        RecordingMonitor(Mocks mocks, Log log) {
            super(mocks, log);
        }

        @Override
        public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
            return super.registerResourceAsync(resource, request).thenApply(response -> {
                synchronized (registrations) {
                    registrations.add(new Registration(resource, request, response.getUrn()));
                }
                return response;
            });
        }

        List<Registration> registrations() {
            synchronized (registrations) {
                return List.copyOf(registrations);
            }
        }
    }
}
