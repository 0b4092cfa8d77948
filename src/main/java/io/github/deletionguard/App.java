package io.github.deletionguard;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.StackConfigLoader;
import io.github.deletionguard.operate.OperateCommand;
import io.github.deletionguard.plan.PlanCommand;
import io.github.deletionguard.documents.PolicyFiles;

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
            System.exit(PlanCommand.run(args));
        }
        if (OperateCommand.handles(args)) {
            System.exit(OperateCommand.run(args));
        }
        Pulumi.run(App::stack);
    }

    /** Reads and validates the stack config, then deploys it; nothing is registered on a bad config. */
    public static void stack(Context ctx) {
        GuardConfig config = StackConfigLoader.load(ctx.stackName(), key -> ctx.config().get(key));
        DeletionGuardStack.deploy(ctx, config, PolicyFiles.inProjectRoot());
    }
}
