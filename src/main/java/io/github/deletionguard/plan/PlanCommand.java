package io.github.deletionguard.plan;

import io.github.deletionguard.App;
import io.github.deletionguard.config.InvalidConfigException;
import io.github.deletionguard.documents.InvalidPolicyException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code plan <stack> [--json <file>]}: runs {@link App#stack} against {@code Pulumi.<stack>.yaml}
 * under the mock engine and prints what {@code pulumi up} would register. Exit 0 when the
 * program ran cleanly, 1 when config or program failed, 2 on a usage error.
 */
public final class PlanCommand {
    static final String USAGE = "usage: plan <stack> [--json <file>]";
    private static final String SERVICE_CONTROL_POLICY_TYPE = "aws:organizations/policy:Policy";

    private PlanCommand() {
    }

    public static int run(String[] args) {
        return run(args, Path.of(""), System.out, System.err, Clock.systemUTC());
    }

    /** @param clock read once for the day approvals are judged by, so a day's plans are byte-identical */
    static int run(String[] args, Path projectRoot, PrintStream out, PrintStream err, Clock clock) {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--json"))) {
            err.println(USAGE);
            return 2;
        }
        long started = System.nanoTime();
        StackFile stackFile;
        try {
            stackFile = StackFile.read(projectRoot, args[1]);
        } catch (IOException e) {
            err.println("plan: " + e.getMessage());
            return 1;
        }
        OfflineEngine.Run run = OfflineEngine.run(stackFile.project(), stackFile.stack(), stackFile.config(),
                stackFile.secretKeys(), ctx -> App.stack(ctx, stackFile.config().keySet(), clock));
        if (!run.errors().isEmpty()) {
            // The engine reports one failure more than once (as thrown and as wrapped): print each once.
            run.errors().stream().map(PlanCommand::explain).distinct().forEach(err::println);
            return 1;
        }
        out.print(PlanText.render(run, notes(run)));
        out.print(DeletionExceptionsSection.render(run));
        if (args.length == 4) {
            try {
                Files.writeString(Path.of(args[3]), PlanJson.render(run));
            } catch (IOException e) {
                err.println("plan: cannot write " + args[3] + ": " + e.getMessage());
                return 1;
            }
            out.println("Wrote " + run.resources().size() + " resources to " + args[3]);
        }
        out.printf("Planned offline in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static List<String> notes(OfflineEngine.Run run) {
        List<String> notes = new ArrayList<>();
        notes.add("offline plan under Pulumi's mock engine: ids and ARNs are simulated, nothing was sent to AWS.");
        if (run.resources().stream().anyMatch(resource -> resource.type().equals(SERVICE_CONTROL_POLICY_TYPE))) {
            notes.add("the service control policy never binds the management account or service-linked roles:"
                    + " the deletion alarms are what watches those.");
        }
        return notes;
    }

    /** Config and policy problems are the user's to fix: show the message, not a stack trace. */
    private static String explain(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidConfigException || cause instanceof InvalidPolicyException) {
                return cause.getMessage();
            }
        }
        java.io.StringWriter trace = new java.io.StringWriter();
        error.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
    }
}
