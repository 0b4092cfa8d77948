package io.github.deletionguard.testing;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import io.github.deletionguard.App;
import io.github.deletionguard.DeletionGuardStack;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.plan.StackFile;
import io.github.deletionguard.documents.PolicyFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Runs the program under Pulumi's mock engine, as {@code plan} does, and gives tests every
 * registered resource with its inputs, provider target and options.
 */
public final class Deployments {
    private static final Map<String, OfflineEngine.Run> STACK_FILE_RUNS = new ConcurrentHashMap<>();

    private Deployments() {
    }

    /** Deploys a model built in the test. */
    public static OfflineEngine.Run of(GuardConfig config) {
        OfflineEngine.Run run = OfflineEngine.run("deletion-guard", "test", Map.of(), Set.of(),
                ctx -> DeletionGuardStack.deploy(ctx, config, PolicyFiles.inProjectRoot()));
        failOnErrors(run);
        return run;
    }

    /**
     * Runs {@code App.stack} on a stack file of the repository, through the config path. Each
     * stack file runs once per test JVM: the program is deterministic and a run is read-only.
     */
    public static OfflineEngine.Run ofStackFile(String stack) {
        return STACK_FILE_RUNS.computeIfAbsent(stack, name -> {
            OfflineEngine.Run run = runStackFile(name);
            failOnErrors(run);
            return run;
        });
    }

    /** Same, but returns errors instead of failing, for tests of bad config. */
    public static OfflineEngine.Run runStackFile(String stack) {
        try {
            StackFile file = StackFile.read(Path.of(""), stack);
            return OfflineEngine.run(file.project(), file.stack(), file.config(), file.secretKeys(),
                    ctx -> App.stack(ctx, file.config().keySet(), TestClock.CLOCK));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code App.stack} with config given as full keys and raw values, as the CLI passes them. */
    public static OfflineEngine.Run withConfig(String stack, Map<String, String> config) {
        return withConfig(stack, config, Set.of());
    }

    /** Same, with the keys whose values the CLI would pass as secrets ({@code pulumi config set --secret}). */
    public static OfflineEngine.Run withConfig(String stack, Map<String, String> config, Set<String> secretKeys) {
        return withConfig(stack, config, secretKeys, TestClock.CLOCK);
    }

    /** Same, on the day {@code clock} gives. */
    public static OfflineEngine.Run withConfig(String stack, Map<String, String> config, Set<String> secretKeys, Clock clock) {
        return OfflineEngine.run("deletion-guard", stack, config, secretKeys, ctx -> App.stack(ctx, config.keySet(), clock));
    }

    /** The resources of one AWS type, named by its SDK class (whose {@code @ResourceType} is the token). */
    public static List<PlannedResource> ofType(OfflineEngine.Run run, Class<? extends CustomResource> type) {
        String token = typeToken(type);
        return run.resources().stream().filter(resource -> resource.type().equals(token)).toList();
    }

    /** The Pulumi type token of an SDK resource class, e.g. {@code aws:kms/key:Key}. */
    public static String typeToken(Class<? extends CustomResource> type) {
        return type.getAnnotation(ResourceType.class).type();
    }

    @SafeVarargs
    public static Set<String> typeTokens(Class<? extends CustomResource>... types) {
        return Arrays.stream(types).map(Deployments::typeToken).collect(Collectors.toSet());
    }

    /** The program's components of one type, by the component's {@code TYPE} token. */
    public static List<PlannedResource> components(OfflineEngine.Run run, String componentType) {
        return run.resources().stream().filter(resource -> resource.type().equals(componentType)).toList();
    }

    private static void failOnErrors(OfflineEngine.Run run) {
        if (!run.errors().isEmpty()) {
            AssertionError failure = new AssertionError("program failed under mocks: " + run.errors().get(0), run.errors().get(0));
            run.errors().stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
