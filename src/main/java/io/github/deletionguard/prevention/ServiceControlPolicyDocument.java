package io.github.deletionguard.prevention;

import io.github.deletionguard.providers.AccountProviders;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.config.BreakGlassRole;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.ServiceControlPolicySettings;
import io.github.deletionguard.documents.InvalidPolicyException;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.documents.PolicyTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The organization guardrail's SCP exactly as AWS receives it: the reviewed file in
 * {@code policy/} filled with this stack's break-glass roles, deployment role, guardrail names
 * and minimum window, minified, and known to fit AWS's size limit.
 *
 * @param text the minified document
 */
public record ServiceControlPolicyDocument(String text) {
    public static final String FILE = "scp-deny-key-and-secret-deletion.json";
    /**
     * AWS Organizations quota: characters in one SCP, whitespace included (hence minified), as the
     * issue that specified this check gives it. Older AWS documentation says 5,120; our documents
     * stay under that too (see the README), so either way AWS accepts them.
     */
    public static final int MAX_CHARACTERS = 10_240;

    /**
     * Renders the stack's SCP, or nothing when the stack deploys none. Call it before the first
     * resource is registered: a file that does not parse or a document AWS would refuse then
     * stops the run with nothing deployed.
     */
    public static Optional<ServiceControlPolicyDocument> renderFor(GuardConfig config, PolicyFiles files) {
        return config.serviceControlPolicy().map(settings -> render(files.load(FILE), config, settings));
    }

    static ServiceControlPolicyDocument render(PolicyTemplate template, GuardConfig config,
                                               ServiceControlPolicySettings settings) {
        List<String> breakGlass = config.organization().breakGlassRoles().stream()
                .map(BreakGlassRole::arnInAnyAccount).sorted().toList();
        // The deployment role keeps the guardrails it deploys up to date; it gets no say over keys and secrets.
        TreeSet<String> administrators = new TreeSet<>(breakGlass);
        administrators.add(roleInAnyAccount(config.organization().accessRoleName()));

        String text = template.render(Map.of(
                "breakGlassRoleArns", breakGlass,
                "guardrailAdministratorArns", List.copyOf(administrators),
                "guardrailResourceArns", guardrailResources(config),
                "managedByTagValue", AccountProviders.MANAGED_BY_VALUE,
                "minimumWindowDays", Integer.toString(settings.minimumWindowDays())));
        if (text.length() > MAX_CHARACTERS) {
            throw new InvalidPolicyException(template.source() + " renders to " + text.length()
                    + " characters for this stack, minified; AWS accepts at most " + MAX_CHARACTERS
                    + " in a service control policy. Fix: list fewer break-glass roles or CloudTrail log groups,"
                    + " or shorten the resource prefix.");
        }
        return new ServiceControlPolicyDocument(text);
    }

    /**
     * What the program deploys, by name: every guardrail is named with the resource prefix. Metric
     * filters are not resources IAM can name, so the log groups that carry them stand in; a log
     * group in the management account is left out because no SCP applies there anyway.
     */
    private static List<String> guardrailResources(GuardConfig config) {
        String named = config.resourcePrefix() + "-*";
        List<String> arns = new ArrayList<>(List.of(
                "arn:aws:events:*:*:rule/" + named,
                // Rules on a custom event bus carry the bus name in their ARN.
                "arn:aws:events:*:*:rule/*/" + named,
                Arns.cloudWatchAlarm("*", "*", named),
                Arns.snsTopic("*", "*", named),
                "arn:aws:ssm:*:*:document/" + named,
                roleInAnyAccount(named)));
        String management = config.organization().managementAccount().id();
        for (MemberAccount member : config.accounts()) {
            if (member.id().equals(management)) {
                continue;
            }
            member.cloudTrailLogGroup().ifPresent(group -> {
                String logGroup = "arn:aws:logs:" + group.region() + ":" + member.id() + ":log-group:" + group.name();
                // Some CloudWatch Logs actions are authorized against the ARN with a ':*' suffix.
                arns.add(logGroup);
                arns.add(logGroup + ":*");
            });
        }
        return arns;
    }

    private static String roleInAnyAccount(String name) {
        return "arn:aws:iam::*:role/" + name;
    }
}
