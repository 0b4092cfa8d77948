package io.github.deletionguard.prevention;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.deletionguard.awsapi.ApiCall;
import io.github.deletionguard.awsapi.ServiceManagedRoles;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.PolicyTarget;
import io.github.deletionguard.config.ServiceControlPolicySettings;
import io.github.deletionguard.config.validate.ServiceControlPolicyValidator;
import io.github.deletionguard.documents.InvalidPolicyException;
import io.github.deletionguard.documents.PolicyTemplate;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.naming.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static io.github.deletionguard.config.ConfigKeys.qualified;

/**
 * The organization guardrail's SCP exactly as AWS receives it: the reviewed file in
 * {@code policy/} filled with this stack's break-glass, deployer and provisioner roles, guardrail
 * names and minimum window, minified, and known to fit AWS's quotas. A document larger than one
 * SCP may be is split, statement by statement, into parts that each fit; every part takes a slot
 * on every target, and the slots are counted before anything is registered.
 *
 * @param parts the minified documents, in order; the first keeps the single policy's identity
 */
public record ServiceControlPolicyDocument(List<String> parts) {
    public static final String FILE = "scp-deny-key-and-secret-deletion.json";
    /**
     * AWS Organizations quota "Maximum size of a service control policy": 10,240 characters since
     * 15 May 2026 (5,120 before), whitespace included, hence minified.
     */
    public static final int MAX_CHARACTERS = 10_240;
    /** The statement that leaves destruction to break-glass roles: the one approved roles are exempted from. */
    static final String WHO_MAY_DELETE_SID = "OnlyBreakGlassDestroysKeysAndSecrets";
    /**
     * The statements that decide who may delete keys and secrets and with which window: the ones
     * an ephemeral OU lifts (see {@link DeletionExemptions}).
     */
    static final Set<String> DELETION_STATEMENT_SIDS = Set.of(WHO_MAY_DELETE_SID,
            "NoKeyDeletionWindowBelowMinimum", "NoSecretRecoveryWindowBelowMinimum", "NoSecretDeletionWithoutRecovery");

    public ServiceControlPolicyDocument {
        parts = List.copyOf(parts);
    }

    /** Every call that destroys a key, a secret or a replica: the actions only break-glass roles may call. */
    static List<String> destructionActions() {
        return Stream.of(ApiCall.KEY_DELETIONS, ApiCall.SECRET_DELETIONS, ApiCall.SECRET_REPLICA_REMOVALS)
                .flatMap(List::stream).map(ApiCall::iamAction).toList();
    }

    static ServiceControlPolicyDocument render(PolicyTemplate template, GuardConfig config,
                                               ServiceControlPolicySettings settings, DeletionExemptions exemptions) {
        ResourceNames names = ResourceNames.of(config);
        GuardrailPrincipals principals = GuardrailPrincipals.of(config.organization(), config.memberBaseline());
        List<String> destruction = destructionActions();
        Map<String, Object> values = Map.ofEntries(
                Map.entry("destructionActions", destruction),
                Map.entry("scheduleKeyDeletionAction", ApiCall.SCHEDULE_KEY_DELETION.iamAction()),
                Map.entry("deleteSecretAction", ApiCall.DELETE_SECRET.iamAction()),
                Map.entry("breakGlassArns", principals.breakGlass()),
                Map.entry("breakGlassAndDeployerArns", principals.breakGlassAndDeployer()),
                Map.entry("deployerArn", principals.deployer()),
                Map.entry("guardrailMaintainerArns", oneOrList(principals.guardrailMaintainers())),
                Map.entry("roleProvisionerArns", principals.roleProvisioners()),
                Map.entry("protectedRoleArns", protectedRoles(config, names)),
                Map.entry("automationRoleArn", names.automationRoleArn("*")),
                Map.entry("automationPasserArns", List.of(principals.deployer(), names.triggerRoleArn("*"))),
                Map.entry("guardrailResourceArns", guardrailResources(config, names)),
                Map.entry("managedByTagValue", Tags.MANAGED_BY_VALUE),
                Map.entry("drillTagKey", Tags.DRILL_TAG_KEY),
                // The drill re-tags its resources for their final cleanup; both values are the drill's.
                Map.entry("drillTagValues", List.of(Tags.DRILL_TAG_VALUE, Tags.DRILL_CLEANUP_VALUE)),
                Map.entry("securityAccountId", names.securityAccountId()),
                Map.entry("metricNamespace", names.metricNamespace()),
                Map.entry("minimumWindowDays", Integer.toString(settings.minimumWindowDays())));
        JsonObject filled = exemptions.applyTo(template.fill(values), WHO_MAY_DELETE_SID, DELETION_STATEMENT_SIDS);
        ServiceControlPolicyDocument document = new ServiceControlPolicyDocument(split(template.source(), filled));
        document.checkSlots(settings.targets());
        return document;
    }

    /** The characters of every part together, for the plan's size accounting. */
    public int characters() {
        return parts.stream().mapToInt(String::length).sum();
    }

    /** The first part: the whole document unless it had to be split. */
    public String first() {
        return parts.get(0);
    }

    /**
     * Packs statements in their reviewed order into as few parts as fit, so a document that fits
     * stays one policy, byte for byte what a single render gives.
     */
    private static List<String> split(String source, JsonObject document) {
        List<String> parts = new ArrayList<>();
        JsonArray current = new JsonArray();
        for (JsonElement statement : document.getAsJsonArray("Statement")) {
            JsonArray candidate = current.deepCopy();
            candidate.add(statement);
            if (minified(document, candidate).length() <= MAX_CHARACTERS) {
                current = candidate;
                continue;
            }
            if (current.isEmpty()) {
                throw new InvalidPolicyException(source + ": statement " + statement.getAsJsonObject().get("Sid").getAsString()
                        + " alone renders to " + minified(document, candidate).length() + " characters for this stack, minified;"
                        + " AWS accepts at most " + MAX_CHARACTERS + " in a service control policy. Fix: list fewer break-glass"
                        + " or provisioner roles or CloudTrail log groups, or shorten the resource prefix.");
            }
            parts.add(minified(document, current));
            current = new JsonArray();
            current.add(statement);
        }
        parts.add(minified(document, current));
        return parts;
    }

    private static String minified(JsonObject document, JsonArray statements) {
        JsonObject part = new JsonObject();
        document.entrySet().forEach(entry -> part.add(entry.getKey(),
                entry.getKey().equals("Statement") ? statements : entry.getValue()));
        return PolicyTemplate.minify(part);
    }

    /** Every part takes one of a target's SCP slots; every target that lacks room is named at once. */
    private void checkSlots(List<PolicyTarget> targets) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            PolicyTarget target = targets.get(i);
            int total = target.alreadyAttached() + parts.size();
            if (total > ServiceControlPolicyValidator.MAX_POLICIES_PER_TARGET) {
                problems.add(qualified("serviceControlPolicy.targets[" + i + "].alreadyAttached") + ": " + target.alreadyAttached()
                        + " SCPs on " + target.id() + " plus this program's " + parts.size() + " parts make " + total
                        + "; AWS allows " + ServiceControlPolicyValidator.MAX_POLICIES_PER_TARGET
                        + " SCPs per root, OU or account. Fix: detach or merge SCPs there, or list fewer break-glass roles,"
                        + " log groups or " + qualified("approvedDeletions") + " (approvals of one role sharing an until"
                        + " date share statements) so the policy needs fewer parts.");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPolicyException(String.join("\n", problems));
        }
    }

    /** A single principal stays a string, so a stack without StackSets renders as it did before them. */
    private static Object oneOrList(List<String> arns) {
        return arns.size() == 1 ? arns.get(0) : arns;
    }

    /**
     * The break-glass, deployer and program roles, and with StackSets their execution role, by name
     * on any path: IAM role names are unique in an account whatever the path, so a look-alike on
     * another path would take the name before the real role could be created.
     */
    private static List<String> protectedRoles(GuardConfig config, ResourceNames names) {
        TreeSet<String> roleNames = new TreeSet<>();
        config.organization().breakGlassRoles().forEach(role -> roleNames.add(role.name()));
        roleNames.add(config.organization().accessRoleName());
        roleNames.add(names.anyName());
        // A member admin who made or borrowed a role of the StackSets' name would maintain the guardrails.
        if (config.memberBaseline().usesStackSets()) {
            roleNames.add(ServiceManagedRoles.STACKSETS_EXECUTION_NAMES);
        }
        List<String> arns = new ArrayList<>();
        roleNames.forEach(name -> {
            arns.add(Arns.iamRole("*", name));
            arns.add(Arns.iamRole("*", "*/" + name));
        });
        return arns;
    }

    /**
     * What the program deploys, by name (from the one naming authority), and the CloudTrail log
     * groups its metric filters read: metric filters are not resources IAM can name, so their
     * log groups stand in. A log group in the management account is left out because no SCP
     * applies there anyway.
     */
    private static List<String> guardrailResources(GuardConfig config, ResourceNames names) {
        List<String> arns = new ArrayList<>(names.protectedArnPatterns());
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
}
