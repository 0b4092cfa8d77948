package io.github.deletionguard.testing;

import io.github.deletionguard.App;
import io.github.deletionguard.DeletionGuardStack;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.plan.StackFile;
import io.github.deletionguard.policy.PolicyFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the program under Pulumi's mock engine, as {@code plan} does, and gives tests every
 * registered resource with its inputs, provider target and options.
 */
public final class Deployments {
    private Deployments() {
    }

    /** Deploys a model built in the test. */
    public static OfflineEngine.Run of(GuardConfig config) {
        OfflineEngine.Run run = OfflineEngine.run("deletion-guard", "test", Map.of(), Set.of(),
                ctx -> DeletionGuardStack.deploy(ctx, config, PolicyFiles.inProjectRoot()));
        failOnErrors(run);
        return run;
    }

    /** Runs {@code App.stack} on a stack file of the repository, through the config path. */
    public static OfflineEngine.Run ofStackFile(String stack) {
        OfflineEngine.Run run = runStackFile(stack);
        failOnErrors(run);
        return run;
    }

    /** Same, but returns errors instead of failing, for tests of bad config. */
    public static OfflineEngine.Run runStackFile(String stack) {
        try {
            StackFile file = StackFile.read(Path.of(""), stack);
            return OfflineEngine.run(file.project(), file.stack(), file.config(), file.secretKeys(),
                    ctx -> App.stack(ctx, file.config().keySet()));
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
        return OfflineEngine.run("deletion-guard", stack, config, secretKeys, ctx -> App.stack(ctx, config.keySet()));
    }

    public static List<PlannedResource> ofType(OfflineEngine.Run run, String type) {
        return run.resources().stream().filter(resource -> resource.type().equals(type)).toList();
    }

    private static void failOnErrors(OfflineEngine.Run run) {
        if (!run.errors().isEmpty()) {
            AssertionError failure = new AssertionError("program failed under mocks: " + run.errors().get(0), run.errors().get(0));
            run.errors().stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
