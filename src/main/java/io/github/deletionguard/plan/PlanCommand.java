package io.github.deletionguard.plan;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.pulumi.Context;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.InvalidConfigException;
import io.github.deletionguard.config.read.StackConfigLoader;
import io.github.deletionguard.documents.InvalidPolicyException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code plan <stack> [--json <file>] [--diff <old.json>] [--summary]}: runs the program against
 * {@code Pulumi.<stack>.yaml} under the mock engine and prints what {@code pulumi up} would
 * register. Exit 0 when the program ran cleanly, 1 when config or program failed, 2 on a usage
 * error.
 */
public final class PlanCommand {
    static final String USAGE = """
            usage: plan <stack> [--json <file>] [--diff <old.json>] [--summary]
              plan <stack>                   every resource per account and region, alarms, cost, post-deploy checklist
              --json <file>                  also write every registration as JSON (schemaVersion %d), for tooling and diffs
              --diff <old.json>              print what changed against an earlier --json file instead of the full plan
              --summary                      print one screen (accounts x regions x kinds, coverage, cost, risks) instead
              plan help                      this text""".formatted(PlanJson.SCHEMA_VERSION);
    private static final Set<String> HELP = Set.of("help", "--help", "-h");

    /** The program {@code pulumi up} runs, given the config keys the stack sets. */
    @FunctionalInterface
    public interface Program {
        void run(Context ctx, Set<String> configKeys);
    }

    private record Options(String stack, Optional<Path> json, Optional<Path> diff, boolean summary) {
    }

    private final Program program;
    private final Clock clock;

    /**
     * @param program the program, which judges approval dates by {@code clock} too
     * @param clock   read for the day approvals are judged by; a fixed clock makes a day's plans byte-identical
     */
    public PlanCommand(Program program, Clock clock) {
        this.program = program;
        this.clock = clock;
    }

    public int run(String[] args) {
        return run(args, Path.of(""), System.out, System.err);
    }

    int run(String[] args, Path projectRoot, PrintStream out, PrintStream err) {
        if (args.length == 2 && HELP.contains(args[1])) {
            out.println(USAGE);
            return 0;
        }
        Optional<Options> parsed = parse(args, err);
        if (parsed.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        Options options = parsed.get();
        long started = System.nanoTime();
        StackFile stackFile;
        Optional<JsonObject> previous;
        try {
            // Everything that can fail without running the program fails first: nothing is planned for nothing.
            stackFile = StackFile.read(projectRoot, options.stack());
            previous = options.diff().isEmpty() ? Optional.empty() : Optional.of(readPlan(options.diff().get()));
            if (options.json().isPresent()) {
                checkWritable(options.json().get());
            }
        } catch (IOException | InvalidConfigException e) {
            err.println("plan: " + e.getMessage());
            return 1;
        }
        OfflineEngine.Run run = OfflineEngine.run(stackFile.project(), stackFile.stack(), stackFile.config(),
                stackFile.secretKeys(), ctx -> program.run(ctx, stackFile.config().keySet()));
        if (!run.errors().isEmpty()) {
            // The engine reports one failure more than once (as thrown and as wrapped): print each once.
            run.errors().stream().map(PlanCommand::explain).distinct().forEach(err::println);
            return 1;
        }
        String json = PlanJson.render(run);
        if (previous.isPresent()) {
            out.print(PlanDiff.render(previous.get(), JsonParser.parseString(json).getAsJsonObject()));
        }
        // The run succeeded, so the config is valid; read once more for what the run cannot show: the OUs' accounts.
        GuardConfig config = StackConfigLoader.load(stackFile.stack(), stackFile.config(), clock).config();
        if (options.summary()) {
            out.print(PlanSummary.render(run, stackFile.secretKeys(), BaselineCoverage.summaryLine(config)));
        }
        if (previous.isEmpty() && !options.summary()) {
            // The review of approved deletions goes with the coverage, before the checklist that ends the plan.
            out.print(PlanText.render(run, notes(run), stackFile.secretKeys(),
                    BaselineCoverage.render(config) + DeletionExceptionsSection.render(run)));
        }
        if (options.json().isPresent()) {
            try {
                Files.writeString(options.json().get(), json);
            } catch (IOException e) {
                err.println("plan: cannot write " + options.json().get() + ": " + e.getMessage());
                return 1;
            }
            out.println("Wrote " + run.resources().size() + " resources to " + options.json().get());
        }
        out.printf("Planned offline in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static Optional<Options> parse(String[] args, PrintStream err) {
        if (args.length < 2 || !args[0].equals("plan") || args[1].startsWith("-")) {
            return Optional.empty();
        }
        Optional<Path> json = Optional.empty();
        Optional<Path> diff = Optional.empty();
        boolean summary = false;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--summary" -> summary = true;
                case "--json", "--diff" -> {
                    if (i + 1 >= args.length) {
                        err.println("plan: " + args[i] + " needs a file");
                        return Optional.empty();
                    }
                    Path file = Path.of(args[i + 1]);
                    if (args[i].equals("--json")) {
                        json = Optional.of(file);
                    } else {
                        diff = Optional.of(file);
                    }
                    i++;
                }
                default -> {
                    err.println("plan: unknown argument '" + args[i] + "'");
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Options(args[1], json, diff, summary));
    }

    /** The plan would be lost after minutes of work if the file could not be written: find out first. */
    private static void checkWritable(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            throw new IOException("cannot write " + file + ": directory " + directory + " does not exist. Fix: create it or name another file.");
        }
        if (Files.isDirectory(file) || (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(directory))) {
            throw new IOException("cannot write " + file + ": permission denied or not a file. Fix: name a file you can write.");
        }
    }

    private static JsonObject readPlan(Path file) throws IOException {
        try {
            JsonObject plan = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            if (!plan.has("resources")) {
                throw new IOException(file + " is not a plan --json file (no resources). Fix: name a file written by plan <stack> --json.");
            }
            if (plan.has("schemaVersion") && plan.get("schemaVersion").getAsInt() > PlanJson.SCHEMA_VERSION) {
                throw new IOException(file + " has schemaVersion " + plan.get("schemaVersion") + ", newer than this plan's "
                        + PlanJson.SCHEMA_VERSION + ". Fix: diff with the newer deletion-guard, or write both files with this one.");
            }
            return plan;
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException(file + " is not JSON: " + e.getMessage() + ". Fix: name a file written by plan <stack> --json.", e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IOException(file + " not found. Fix: write it first with plan <stack> --json " + file + " on the base branch.", e);
        }
    }

    private static List<String> notes(OfflineEngine.Run run) {
        List<String> notes = new ArrayList<>();
        notes.add("offline plan under Pulumi's mock engine: ids and ARNs are simulated, nothing was sent to AWS.");
        if (new PlanView(run, Set.of()).organizationPolicies().stream().anyMatch(PlanView.OrganizationPolicy::isServiceControlPolicy)) {
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
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
