package io.github.deletionguard.prevention;

import io.github.deletionguard.awsapi.ApiCall;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.naming.Tags;
import io.github.deletionguard.config.BreakGlassRole;
import io.github.deletionguard.config.ConfigKeys;
import io.github.deletionguard.config.DeletionExceptions;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.ServiceControlPolicySettings;
import io.github.deletionguard.documents.InvalidPolicyException;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.documents.PolicyTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Set;
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
     * AWS Organizations quota "Maximum size of a service control policy": 10,240 characters since
     * 15 May 2026 (5,120 before), whitespace included, hence minified.
     */
    public static final int MAX_CHARACTERS = 10_240;
    /**
     * The statements that decide who may delete keys and secrets and with which window: the ones
     * an ephemeral OU lifts (see {@link DeletionExemptions}).
     */
    static final String WHO_MAY_DELETE_SID = "OnlyBreakGlassDeletesOrDisablesKeysAndSecrets";
    static final Set<String> DELETION_STATEMENT_SIDS = Set.of(WHO_MAY_DELETE_SID,
            "NoKeyDeletionWindowBelowMinimum", "NoSecretRecoveryWindowBelowMinimum", "NoSecretDeletionWithoutRecovery");

    /**
     * Renders the stack's SCP, or nothing when the stack deploys none. Call it before the first
     * resource is registered: a file that does not parse or a document AWS would refuse then
     * stops the run with nothing deployed.
     */
    public static Optional<ServiceControlPolicyDocument> renderFor(GuardConfig config, PolicyFiles files) {
        return config.serviceControlPolicy().map(settings -> render(files.load(FILE), config, settings, files));
    }

    static ServiceControlPolicyDocument render(PolicyTemplate template, GuardConfig config,
                                               ServiceControlPolicySettings settings, PolicyFiles files) {
        List<String> breakGlass = config.organization().breakGlassRoles().stream()
                .map(BreakGlassRole::arnInAnyAccount).sorted().toList();
        // The deployment role keeps the guardrails it deploys up to date; it gets no say over keys and secrets.
        TreeSet<String> administrators = new TreeSet<>(breakGlass);
        administrators.add(roleInAnyAccount(config.organization().accessRoleName()));

        List<ApiCall> deletions = new ArrayList<>(ApiCall.KEY_DELETIONS);
        deletions.addAll(ApiCall.SECRET_DELETIONS);
        List<String> deletionActions = deletions.stream().map(ApiCall::iamAction).toList();
        DeletionExemptions exemptions = DeletionExemptions.of(config.deletionExceptions(), deletionActions, files);
        Map<String, Object> values = new HashMap<>(Map.of(
                "deletionActions", deletionActions,
                "scheduleKeyDeletionAction", ApiCall.SCHEDULE_KEY_DELETION.iamAction(),
                "deleteSecretAction", ApiCall.DELETE_SECRET.iamAction(),
                "breakGlassRoleArns", breakGlass,
                "guardrailAdministratorArns", List.copyOf(administrators),
                "guardrailResourceArns", guardrailResources(config),
                "managedByTagValue", Tags.MANAGED_BY_VALUE,
                "minimumWindowDays", Integer.toString(settings.minimumWindowDays())));
        String text = PolicyTemplate.minify(exemptions.applyTo(template.fill(values), WHO_MAY_DELETE_SID, DELETION_STATEMENT_SIDS));
        if (text.length() > MAX_CHARACTERS) {
            int withoutExemptions = template.render(values).length();
            throw new InvalidPolicyException(template.source() + " renders to " + text.length()
                    + " characters for this stack, minified (" + (text.length() - withoutExemptions) + " of them for "
                    + ConfigKeys.qualified("approvedDeletions") + " and " + ConfigKeys.qualified("ephemeralScopes")
                    + "); AWS accepts at most " + MAX_CHARACTERS + " in a service control policy. Fix: let approvals of one role"
                    + " share an until date, approve secrets by one name pattern instead of many ARNs, list fewer break-glass"
                    + " roles or CloudTrail log groups, or shorten the resource prefix.");
        }
        return new ServiceControlPolicyDocument(text);
    }

    /** The characters the deletion exceptions add: the SCP as rendered less the SCP without them. */
    public static int exemptionCharacters(GuardConfig config, PolicyFiles files) {
        GuardConfig without = config.withDeletionExceptions(DeletionExceptions.none(config.deletionExceptions().evaluatedOn()));
        return renderFor(config, files).map(ServiceControlPolicyDocument::text).map(String::length).orElse(0)
                - renderFor(without, files).map(ServiceControlPolicyDocument::text).map(String::length).orElse(0);
    }

    /**
     * What the program deploys, by name (from the one naming authority), and the CloudTrail log
     * groups its metric filters read: metric filters are not resources IAM can name, so their
     * log groups stand in. A log group in the management account is left out because no SCP
     * applies there anyway.
     */
    private static List<String> guardrailResources(GuardConfig config) {
        List<String> arns = new ArrayList<>(ResourceNames.of(config).protectedArnPatterns());
        String management = config.organization().managementAccount().id();
        for (MemberAccount member : config.accounts()) {
            if (member.id().equals(management)) {
                continue;
            }
            member.cloudTrailLogGroup().ifPresent(group -> {
                String logGroup = Arns.logGroup(group.region(), member.id(), group.name());
                // Some CloudWatch Logs actions are authorized against the ARN with a ':*' suffix.
                arns.add(logGroup);
                arns.add(logGroup + ":*");
            });
        }
        return arns;
    }

    private static String roleInAnyAccount(String name) {
        return Arns.iamRole("*", name);
    }
}
