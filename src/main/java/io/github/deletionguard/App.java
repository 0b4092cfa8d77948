package io.github.deletionguard;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.operate.OperateCommand;
import io.github.deletionguard.config.LoadedConfig;
import io.github.deletionguard.config.read.PulumiConfigKeys;
import io.github.deletionguard.config.read.StackConfigLoader;
import io.github.deletionguard.plan.PlanCommand;
import io.github.deletionguard.documents.PolicyFiles;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * {@code pulumi up} runs {@code main} with no arguments; {@code main plan <stack>} runs the same
 * {@link #stack} under Pulumi's mock engine to show what would be deployed, offline;
 * {@code main preflight|status|drill|scan <stack>} run the commands that talk to AWS.
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("plan")) {
            // One instant for the whole run: the config and the plan's own reading judge approvals by the same day.
            Clock clock = Clock.fixed(Clock.systemUTC().instant(), ZoneOffset.UTC);
            System.exit(new PlanCommand((ctx, keys) -> stack(ctx, keys, clock), clock).run(args));
        }
        if (OperateCommand.handles(args)) {
            System.exit(OperateCommand.run(args));
        }
        Pulumi.run(App::stack);
    }

    /** The program as {@code pulumi up} runs it, with the config keys the CLI passed. */
    public static void stack(Context ctx) {
        stack(ctx, PulumiConfigKeys.fromEnvironment(), Clock.systemUTC());
    }

    /**
     * Reads and validates the stack config, then deploys it; nothing is registered on a bad config.
     *
     * @param configKeys every config key the stack sets, so a misspelt one is reported instead of ignored
     * @param clock      read once, for the day approved deletions are judged by: one day's runs render alike
     */
    public static void stack(Context ctx, Set<String> configKeys, Clock clock) {
        LoadedConfig loaded = StackConfigLoader.load(ctx.stackName(), configKeys, key -> ctx.config().get(key), clock);
        loaded.warnings().forEach(warning -> ctx.log().warn(warning.describe()));
        DeletionGuardStack.deploy(ctx, loaded.config(), PolicyFiles.inProjectRoot());
    }
}
