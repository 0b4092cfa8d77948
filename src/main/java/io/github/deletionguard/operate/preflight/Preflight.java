package io.github.deletionguard.operate.preflight;

import io.github.deletionguard.awsapi.ServicePrincipals;
import io.github.deletionguard.config.BreakGlassRole;
import io.github.deletionguard.config.CriticalKeyDefinition;
import io.github.deletionguard.config.CriticalSecretDefinition;
import io.github.deletionguard.config.PolicyTarget;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.WorkloadPrincipal;
import io.github.deletionguard.operate.Finding;
import io.github.deletionguard.operate.Operation;
import io.github.deletionguard.operate.OrganizationPolicy;
import io.github.deletionguard.operate.Place;
import io.github.deletionguard.operate.aws.AccountClients;
import io.github.deletionguard.operate.aws.AwsErrors;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Trail;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.PolicyTypeStatus;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.Root;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code preflight <stack>}: what must hold before the first {@code pulumi up}, read-only. Every
 * account is checked in parallel; organization checks run in the management account.
 */
public final class Preflight {
    static final String STACKSETS_PRINCIPAL = ServicePrincipals.STACKSETS_MEMBER;

    private final Operation operation;

    public Preflight(Operation operation) {
        this.operation = operation;
    }

    public List<Finding> run() {
        List<Finding> findings = new ArrayList<>(placeholderCiphertexts());
        List<Place> accounts = accountsToCheck().stream().map(Place::global).toList();
        findings.addAll(operation.fanOut().run("preflight", accounts, this::checkAccount));
        return findings;
    }

    /** Every configured account, the management and security accounts included. */
    private List<String> accountsToCheck() {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(operation.managementAccountId());
        ids.add(operation.securityAccountId());
        operation.config().accounts().forEach(member -> ids.add(member.id()));
        workloadRoles().keySet().forEach(ids::add);
        return List.copyOf(ids);
    }

    private List<Finding> checkAccount(Place account) {
        String accountId = account.account();
        AccountClients clients = operation.sessions().in(accountId, firstRegion(accountId));
        List<Finding> findings = new ArrayList<>();
        Finding access = accessRole(clients, account);
        findings.add(access);
        if (access.stopsTheRun()) {
            // Nothing else can be read in an account the role does not reach.
            return findings;
        }
        if (accountId.equals(operation.managementAccountId())) {
            findings.addAll(organization(clients));
        }
        if (boundByServiceControlPolicy(accountId)) {
            findings.addAll(breakGlassRoles(clients, account));
        }
        findings.addAll(workloadRolesIn(clients, account));
        operation.config().accounts().stream().filter(member -> member.id().equals(accountId)).findFirst().ifPresent(member -> {
            findings.add(trail(clients, new Place(accountId, clients.region().id())));
            member.cloudTrailLogGroup().ifPresent(group -> findings.add(logGroup(
                    operation.sessions().in(accountId, group.region()), new Place(accountId, group.region()), group.name())));
        });
        return findings;
    }

    private String firstRegion(String accountId) {
        return operation.config().accounts().stream().filter(member -> member.id().equals(accountId))
                .flatMap(member -> member.regions().stream()).findFirst().orElse(operation.homeRegion());
    }

    Finding accessRole(AccountClients clients, Place account) {
        String check = "access-role";
        String roleArn = operation.sessions().accessRole().arnIn(account.account());
        try {
            String arn = clients.reach();
            return Finding.pass(check, account, "assumed " + roleArn + " as " + arn);
        } catch (RuntimeException e) {
            String fix = account.account().equals(operation.managementAccountId())
                    ? "AWS does not create " + operation.config().organization().accessRoleName() + " in the management"
                    + " account: create it there, trusting the deployer, with the permissions of the README."
                    : "create or repair " + roleArn + " so that the deployer may assume it (sts:AssumeRole).";
            return Finding.fail(check, account, "cannot assume " + roleArn + ": " + AwsErrors.message(e), fix);
        }
    }

    /** SCPs never bind the management account; elsewhere, the configured targets decide. */
    private boolean boundByServiceControlPolicy(String accountId) {
        if (accountId.equals(operation.managementAccountId())) {
            return false;
        }
        return operation.config().serviceControlPolicy().map(scp -> scp.targets().stream().anyMatch(target ->
                switch (target.kind()) {
                    case ROOT -> true;
                    case ACCOUNT -> target.id().equals(accountId);
                    case ORGANIZATIONAL_UNIT -> operation.config().accounts().stream().anyMatch(member ->
                            member.id().equals(accountId) && member.organizationalUnit().map(target.id()::equals).orElse(false));
                    case UNRECOGNISED -> false;
                })).orElse(false);
    }

    List<Finding> breakGlassRoles(AccountClients clients, Place account) {
        List<Finding> findings = new ArrayList<>();
        for (BreakGlassRole role : operation.config().organization().breakGlassRoles()) {
            String check = "break-glass-role";
            try {
                Role found = clients.iam().getRole(request -> request.roleName(role.name())).role();
                if (!found.path().equals(role.path())) {
                    findings.add(Finding.fail(check, account, "role " + role.name() + " exists with path " + found.path()
                                    + ", not " + role.path() + ": the SCP exempts only " + role.arnInAnyAccount(),
                            "create the role with path " + role.path() + " or correct breakGlassRoles."));
                } else {
                    findings.add(Finding.pass(check, account, found.arn() + " exists"));
                }
            } catch (RuntimeException e) {
                findings.add(AwsErrors.isCode(e, "NoSuchEntity")
                        ? Finding.fail(check, account, "break-glass role " + role.written() + " does not exist",
                        "create it before the first 'pulumi up' (README: break-glass roles): once the SCP is attached"
                                + " no one but the deployer may create it.")
                        : Finding.error(check, account, "cannot read role " + role.written() + ": " + AwsErrors.message(e),
                        "give the access role iam:GetRole."));
            }
        }
        return findings;
    }

    /** Role principals of critical key and secret policies, by account: KMS and Secrets Manager reject unknown principals. */
    private Map<String, Set<String>> workloadRoles() {
        Map<String, Set<String>> byAccount = new TreeMap<>();
        List<WorkloadPrincipal> principals = new ArrayList<>();
        operation.config().criticalResources().keys().stream().map(CriticalKeyDefinition::users).forEach(principals::addAll);
        operation.config().criticalResources().secrets().stream().map(CriticalSecretDefinition::readers).forEach(principals::addAll);
        principals.stream().filter(principal -> !principal.isWholeAccount()).forEach(principal ->
                byAccount.computeIfAbsent(principal.accountId(), id -> new java.util.TreeSet<>()).add(principal.arn()));
        return byAccount;
    }

    List<Finding> workloadRolesIn(AccountClients clients, Place account) {
        List<Finding> findings = new ArrayList<>();
        for (String roleArn : workloadRoles().getOrDefault(account.account(), Set.of())) {
            String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
            try {
                clients.iam().getRole(request -> request.roleName(name));
                findings.add(Finding.pass("workload-role", account, roleArn + " exists"));
            } catch (RuntimeException e) {
                findings.add(AwsErrors.isCode(e, "NoSuchEntity")
                        ? Finding.fail("workload-role", account, roleArn + " is named in a critical key or secret policy"
                        + " but does not exist", "create the role first, or remove it from criticalKeys/criticalSecrets:"
                        + " KMS and Secrets Manager reject a policy naming an unknown principal.")
                        : Finding.error("workload-role", account, "cannot read " + roleArn + ": " + AwsErrors.message(e),
                        "give the access role iam:GetRole."));
            }
        }
        return findings;
    }

    /** A logging multi-region trail that records KMS and Secrets Manager management events, read and write. */
    Finding trail(AccountClients clients, Place place) {
        String check = "cloudtrail";
        try {
            CloudTrailClient cloudTrail = clients.cloudTrail();
            List<String> rejected = new ArrayList<>();
            for (Trail trail : cloudTrail.describeTrails(request -> request.includeShadowTrails(true)).trailList()) {
                if (!Boolean.TRUE.equals(trail.isMultiRegionTrail())) {
                    rejected.add(trail.name() + ": single-region");
                    continue;
                }
                if (!Boolean.TRUE.equals(cloudTrail.getTrailStatus(request -> request.name(trail.trailARN())).isLogging())) {
                    rejected.add(trail.name() + ": not logging");
                    continue;
                }
                String gap = TrailCoverage.gap(cloudTrail.getEventSelectors(request -> request.trailName(trail.trailARN())));
                if (gap.isEmpty()) {
                    return Finding.pass(check, place, trail.trailARN() + " logs in every region and records KMS and"
                            + " Secrets Manager management events, read and write");
                }
                rejected.add(trail.name() + ": " + gap);
            }
            return Finding.fail(check, place, rejected.isEmpty() ? "no trail" : "no trail qualifies (" + String.join("; ", rejected) + ")",
                    "create or fix a multi-region trail (an organization trail covers every account) that is logging and"
                            + " records all management events, read and write, without excluding kms.amazonaws.com:"
                            + " EventBridge receives CloudTrail events only where such a trail exists.");
        } catch (RuntimeException e) {
            return Finding.error(check, place, "cannot read trails: " + AwsErrors.message(e),
                    "give the access role cloudtrail:DescribeTrails, GetTrailStatus and GetEventSelectors.");
        }
    }

    Finding logGroup(AccountClients clients, Place place, String name) {
        String check = "log-group";
        try {
            boolean exists = clients.logs().describeLogGroups(request -> request.logGroupNamePrefix(name)).logGroups()
                    .stream().anyMatch(group -> group.logGroupName().equals(name));
            return exists ? Finding.pass(check, place, "log group " + name + " exists")
                    : Finding.fail(check, place, "log group " + name + " does not exist",
                    "point the trail at it (CloudTrail > trail > CloudWatch Logs) or correct cloudTrailLogGroup in the stack file.");
        } catch (RuntimeException e) {
            return Finding.error(check, place, "cannot read log groups: " + AwsErrors.message(e),
                    "give the access role logs:DescribeLogGroups.");
        }
    }

    /** Organization-wide checks, read in the management account. */
    List<Finding> organization(AccountClients clients) {
        Place organization = Place.global(clients.accountId());
        List<OrganizationPolicy> policies = operation.organizationPolicies();
        List<Finding> findings = new ArrayList<>();
        if (!policies.isEmpty()) {
            findings.addAll(policyTypes(clients.organizations(), policies, organization));
            for (OrganizationPolicy policy : policies) {
                policy.targets().forEach(target -> findings.add(room(clients.organizations(), policy, target, organization)));
            }
        }
        if (usesStackSets(operation.config())) {
            findings.add(stackSetsTrustedAccess(clients.organizations(), organization));
        }
        return findings;
    }

    /**
     * Whether the stack deploys member resources through service-managed StackSets
     * ({@code memberBaseline.engine: stacksets}), which need trusted access in the organization.
     */
    static boolean usesStackSets(GuardConfig config) {
        return config.memberBaseline().usesStackSets();
    }

    /** Each policy type the stack attaches is enabled on the root: AWS refuses an attachment otherwise. */
    List<Finding> policyTypes(OrganizationsClient organizations, List<OrganizationPolicy> policies, Place place) {
        try {
            Root root = organizations.listRoots().roots().get(0);
            return policies.stream().map(policy -> policyType(root, policy, place)).toList();
        } catch (RuntimeException e) {
            return List.of(Finding.error("policy-types-enabled", place, "cannot read the organization root: " + AwsErrors.message(e),
                    "run with the management account's access role (organizations:ListRoots)."));
        }
    }

    private static Finding policyType(Root root, OrganizationPolicy policy, Place place) {
        PolicyType type = policy.type();
        boolean enabled = root.policyTypes().stream().anyMatch(summary -> summary.type() == type
                && summary.status() == PolicyTypeStatus.ENABLED);
        String check = policy.shortName() + "-enabled";
        if (enabled) {
            return Finding.pass(check, place, type + " is enabled on " + root.id());
        }
        return Finding.fail(check, place, type + " is not enabled on " + root.id() + " (" + root.policyTypes().stream()
                        .map(summary -> summary.typeAsString() + " " + summary.statusAsString()).toList() + ")",
                "aws organizations enable-policy-type --root-id " + root.id() + " --policy-type " + type);
    }

    /** Reads what is attached instead of trusting alreadyAttached: AWS refuses an attachment past the quota. */
    Finding room(OrganizationsClient organizations, OrganizationPolicy policy, PolicyTarget target, Place place) {
        String check = policy.shortName() + "-room";
        String kind = policy.typeName() + "s";
        List<String> others;
        try {
            others = organizations.listPoliciesForTargetPaginator(request -> request.targetId(target.id()).filter(policy.type()))
                    .stream().flatMap(page -> page.policies().stream()).map(PolicySummary::name)
                    .filter(name -> !policy.names().contains(name)).toList();
        } catch (RuntimeException e) {
            return Finding.error(check, place, "cannot read the " + kind + " of " + target.id() + ": "
                    + AwsErrors.message(e), "give the management account's access role organizations:ListPoliciesForTarget.");
        }
        int ours = policy.names().size();
        if (others.size() + ours > policy.maxPerTarget()) {
            return Finding.fail(check, place, target.id() + " has " + others.size() + " " + kind + " " + others
                            + "; with this program's " + ours + " it would exceed AWS's quota of " + policy.maxPerTarget() + " "
                            + kind + " per root, OU or account",
                    "detach or merge a " + policy.typeName() + " on " + target.id() + ", or attach to OUs instead.");
        }
        if (others.size() != policy.alreadyAttached(target)) {
            return Finding.warn(check, place, target.id() + " has " + others.size() + " other " + kind + " " + others
                            + ", the stack file says " + policy.alreadyAttachedField() + ": " + policy.alreadyAttached(target),
                    "set serviceControlPolicy.targets[" + target.id() + "]." + policy.alreadyAttachedField() + " to " + others.size() + ".");
        }
        return Finding.pass(check, place, target.id() + " has " + others.size() + " other " + kind + ", room for this program's "
                + ours + " (quota " + policy.maxPerTarget() + ")");
    }

    /** Service-managed StackSets deploy to member accounts only with trusted access enabled. */
    Finding stackSetsTrustedAccess(OrganizationsClient organizations, Place place) {
        String check = "stacksets-trusted-access";
        try {
            boolean enabled = organizations.listAWSServiceAccessForOrganizationPaginator(request -> { }).stream()
                    .flatMap(page -> page.enabledServicePrincipals().stream())
                    .anyMatch(principal -> STACKSETS_PRINCIPAL.equals(principal.servicePrincipal()));
            return enabled ? Finding.pass(check, place, STACKSETS_PRINCIPAL + " has trusted access")
                    : Finding.fail(check, place, STACKSETS_PRINCIPAL + " has no trusted access: service-managed StackSets"
                            + " cannot deploy to member accounts",
                    "aws cloudformation activate-organizations-access (from the management account).");
        } catch (RuntimeException e) {
            return Finding.error(check, place, "cannot read trusted access: " + AwsErrors.message(e),
                    "give the management account's access role organizations:ListAWSServiceAccessForOrganization.");
        }
    }

    /** A placeholder ciphertext would deploy a secret whose value is the placeholder. */
    List<Finding> placeholderCiphertexts() {
        List<Finding> findings = new ArrayList<>();
        operation.secureValues().forEach((key, ciphertext) -> {
            String check = "secret-config";
            if (isPlaceholder(ciphertext)) {
                findings.add(Finding.fail(check, Place.organization(), key + " holds the placeholder ciphertext of the template",
                        "pulumi config set --secret " + key + " --stack " + operation.stack() + " (it prompts for the value)."));
            } else {
                findings.add(Finding.pass(check, Place.organization(), key + " holds a ciphertext"));
            }
        });
        return findings;
    }

    static boolean isPlaceholder(String ciphertext) {
        try {
            String decoded = new String(Base64.getDecoder().decode(ciphertext), StandardCharsets.ISO_8859_1);
            return decoded.toLowerCase(Locale.ROOT).contains("placeholder");
        } catch (IllegalArgumentException notBase64) {
            return true;
        }
    }
}
