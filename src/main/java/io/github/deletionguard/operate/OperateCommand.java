package io.github.deletionguard.operate;

import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.InvalidConfigException;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.read.StackConfigLoader;
import io.github.deletionguard.detection.PreparedForwarding;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.remediation.PreparedRemediation;
import io.github.deletionguard.operate.aws.AccessRole;
import io.github.deletionguard.operate.aws.AwsSessions;
import io.github.deletionguard.operate.aws.FanOut;
import io.github.deletionguard.operate.drill.Drill;
import io.github.deletionguard.operate.preflight.Preflight;
import io.github.deletionguard.operate.scan.Scan;
import io.github.deletionguard.operate.status.Status;
import io.github.deletionguard.plan.StackFile;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code preflight|status|drill|scan <stack> [--json] [--parallelism N] [--account A --region R]}:
 * the commands that talk to AWS, reading the same validated stack config as {@code pulumi up}.
 * Exit 0 when nothing blocks, 1 when something does, 2 on a usage or config error.
 */
public final class OperateCommand {
    public static final Set<String> COMMANDS = Set.of("preflight", "status", "drill", "scan");
    static final String USAGE = "usage: preflight|status|scan <stack> [--json] [--parallelism N]\n"
            + "       drill <stack> [--account <id> --region <region>] [--json] [--parallelism N]";

    private OperateCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        return run(args, Path.of(""), System.out, System.err, OperateCommand::sessionsFromEnvironment, Clock.systemUTC(),
                duration -> Thread.sleep(duration.toMillis()));
    }

    private static AwsSessions sessionsFromEnvironment(Options options, GuardConfig config) {
        return AwsSessions.fromEnvironment(new AccessRole(config.organization().accessRoleName()),
                Region.of(config.securityAccount().homeRegion()), options.parallelism);
    }

    /** How sessions are opened: from the environment in production, over a fake HTTP client in tests. */
    @FunctionalInterface
    public interface SessionFactory {
        AwsSessions open(Options options, GuardConfig config);
    }

    public record Options(String command, String stack, boolean json, int parallelism, Optional<String> account, Optional<String> region) {
    }

    public static int run(String[] args, Path projectRoot, PrintStream out, PrintStream err, SessionFactory sessionFactory,
                          Clock clock, Operation.Sleeper sleeper) {
        Optional<Options> parsed = parse(args, err);
        if (parsed.isEmpty()) {
            err.println(USAGE);
            return 2;
        }
        Options options = parsed.get();
        GuardConfig config;
        Map<String, String> secureValues;
        try {
            StackFile stackFile = StackFile.read(projectRoot, options.stack);
            Map<String, String> values = stackFile.config();
            config = StackConfigLoader.load(options.stack, values, clock).config();
            secureValues = SecureConfigValues.read(projectRoot, options.stack);
        } catch (IOException | InvalidConfigException e) {
            err.println(options.command + ": " + e.getMessage());
            return 2;
        }
        try (AwsSessions sessions = sessionFactory.open(options, config)) {
            PolicyFiles policyFiles = new PolicyFiles(projectRoot.resolve("policy"));
            ResourceNames names = ResourceNames.of(config);
            PreparedForwarding forwarding = forwarding(config, policyFiles);
            Operation operation = new Operation(options.stack, config, names, centralBusRules(forwarding),
                    securityAccountRules(forwarding),
                    OrganizationPolicy.configured(config, names, policyFiles), sessions, new FanOut(options.parallelism, err),
                    clock, sleeper, secureValues);
            List<Finding> findings = switch (options.command) {
                case "preflight" -> new Preflight(operation).run();
                case "status" -> new Status(operation).run();
                case "scan" -> new Scan(operation).run();
                default -> new Drill(operation, drillTarget(options, config)).run();
            };
            Report report = new Report(options.command, options.stack, findings);
            if (options.json) {
                report.printJson(out);
            } else {
                report.printText(out);
            }
            return report.exitCode();
        }
    }

    /**
     * By default the drill runs in the first guarded account the SCP can bind (never the management
     * account, which no SCP binds, so the denied deletion could not be proven there), first region.
     */
    private static Place drillTarget(Options options, GuardConfig config) {
        String management = config.organization().managementAccount().id();
        String account = options.account.orElse(config.guardedAccounts().stream().map(MemberAccount::id)
                .filter(id -> !id.equals(management)).findFirst().orElse(config.guardedAccounts().get(0).id()));
        String region = options.region.orElse(config.accounts().stream().filter(member -> member.id().equals(account))
                .flatMap(member -> member.regions().stream()).findFirst().orElse(config.securityAccount().homeRegion()));
        return new Place(account, region);
    }

    private static Optional<Options> parse(String[] args, PrintStream err) {
        if (args.length < 2 || !COMMANDS.contains(args[0])) {
            return Optional.empty();
        }
        boolean json = false;
        int parallelism = FanOut.DEFAULT_PARALLELISM;
        Optional<String> account = Optional.empty();
        Optional<String> region = Optional.empty();
        List<String> rest = new ArrayList<>(List.of(args).subList(2, args.length));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            Function<String, Optional<String>> value = name -> rest.isEmpty() ? Optional.empty() : Optional.of(rest.remove(0));
            switch (flag) {
                case "--json" -> json = true;
                case "--parallelism" -> {
                    Optional<Integer> bound = value.apply(flag).flatMap(OperateCommand::positive);
                    if (bound.isEmpty()) {
                        err.println(args[0] + ": --parallelism takes a whole number of at least 1");
                        return Optional.empty();
                    }
                    parallelism = bound.get();
                }
                case "--account" -> account = value.apply(flag);
                case "--region" -> region = value.apply(flag);
                default -> {
                    err.println(args[0] + ": unknown option " + flag);
                    return Optional.empty();
                }
            }
        }
        if (!args[0].equals("drill") && (account.isPresent() || region.isPresent())) {
            err.println(args[0] + ": --account and --region are for drill");
            return Optional.empty();
        }
        return Optional.of(new Options(args[0], args[1], json, parallelism, account, region));
    }

    private static Optional<Integer> positive(String text) {
        try {
            int number = Integer.parseInt(text);
            return number >= 1 ? Optional.of(number) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The central rules as the program deploys them, from the same config and policy files as {@code pulumi up}. */
    private static PreparedForwarding forwarding(GuardConfig config, PolicyFiles policyFiles) {
        Optional<String> remediationDocument = PreparedRemediation.prepare(config, policyFiles)
                .map(remediation -> remediation.names().remediationDocument());
        return PreparedForwarding.prepare(config, policyFiles, remediationDocument);
    }

    /**
     * The central bus's rules: one per notified kind, one per approval in force (the approved
     * call is left out of the paging rules) and the ephemeral accounts' log rule.
     */
    private static List<String> centralBusRules(PreparedForwarding forwarding) {
        List<String> rules = new ArrayList<>(forwarding.centralRules().stream().map(PreparedForwarding.CentralRule::name).toList());
        forwarding.approvalNotices().forEach(notice -> rules.add(notice.name()));
        forwarding.ephemeralDigest().ifPresent(digest -> rules.add(forwarding.names().ephemeralEventsRule()));
        return rules;
    }

    /** The rules on the security account's default bus in its home region that start the summaries. */
    private static List<String> securityAccountRules(PreparedForwarding forwarding) {
        List<String> rules = new ArrayList<>();
        forwarding.ephemeralDigest().ifPresent(digest -> rules.add(forwarding.names().ephemeralDigestSchedule()));
        forwarding.deniedCalls().flatMap(PreparedForwarding.DeniedCalls::pipelineRuns)
                .ifPresent(runs -> rules.add(runs.ruleName()));
        return rules;
    }
}
