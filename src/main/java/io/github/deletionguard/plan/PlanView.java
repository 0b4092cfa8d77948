package io.github.deletionguard.plan;

import io.github.deletionguard.awsapi.OrganizationPolicyType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One run's registrations arranged as the plan's readers look at them: by account and region of
 * their provider, with each account's configured name. Shared by the full text and the summary.
 */
final class PlanView {
    private final OfflineEngine.Run run;
    private final Set<String> secureConfigKeys;
    private final Map<String, String> accountNames = new TreeMap<>();
    private final Map<PlannedResource.ProviderTarget, List<PlannedResource>> byTarget = new LinkedHashMap<>();

    /** @param secureConfigKeys the stack's config keys whose values are secrets */
    PlanView(OfflineEngine.Run run, Set<String> secureConfigKeys) {
        this.run = run;
        this.secureConfigKeys = new TreeSet<>(secureConfigKeys);
        for (PlannedResource resource : run.resources()) {
            if (resource.isProvider()) {
                PlannedResource.ProviderTarget target = ProviderInputs.target(resource.inputs());
                accountNames.put(target.account(), ProviderInputs.accountName(resource.name(), target.region()));
            }
            resource.provider().ifPresent(target -> byTarget.computeIfAbsent(target, key -> new ArrayList<>()).add(resource));
        }
    }

    OfflineEngine.Run run() {
        return run;
    }

    Set<String> secureConfigKeys() {
        return secureConfigKeys;
    }

    /** {@code header} line shared by every form of the plan. */
    String title(String what) {
        Object mode = run.outputs().get("alarmMode");
        return "deletion-guard " + what + " for stack '" + run.stack() + "'" + (mode == null ? "" : " (alarmMode " + mode + ")");
    }

    /** AWS resources per account and region of their provider, in registration order. */
    Map<PlannedResource.ProviderTarget, List<PlannedResource>> byTarget() {
        return byTarget;
    }

    /** {@code payments-prod (444444444444)}. */
    String account(String accountId) {
        return accountNames.getOrDefault(accountId, "?") + " (" + accountId + ")";
    }

    String accountName(PlannedResource.ProviderTarget target) {
        return accountNames.getOrDefault(target.account(), "?");
    }

    /** {@code payments-prod eu-west-1}. */
    String place(PlannedResource.ProviderTarget target) {
        return accountName(target) + " " + target.region();
    }

    /** Account ids with a provider, sorted by their name, as the text lists them. */
    List<String> accountsByName() {
        List<String> ids = new ArrayList<>(accountNames.keySet());
        ids.sort(java.util.Comparator.comparing((String id) -> accountNames.get(id)).thenComparing(id -> id));
        return ids;
    }

    TreeSet<String> regions() {
        TreeSet<String> regions = new TreeSet<>();
        byTarget.keySet().forEach(target -> regions.add(target.region()));
        return regions;
    }

    List<PlannedResource> ofType(Class<? extends com.pulumi.resources.CustomResource> sdkType) {
        return run.resources().stream().filter(resource -> resource.is(sdkType)).toList();
    }

    List<PlannedResource> where(Predicate<PlannedResource> condition) {
        return run.resources().stream().filter(condition).toList();
    }

    /** The resources of an SDK type whose parent is a component of {@code componentType}. */
    List<PlannedResource> childrenOf(String componentType, Class<? extends com.pulumi.resources.CustomResource> sdkType) {
        return where(resource -> resource.is(sdkType) && resource.parent().map(PlanView::ownType).filter(componentType::equals).isPresent());
    }

    /** An organization policy (SCP or RCP) and the roots, OUs and accounts it is attached to. */
    record OrganizationPolicy(OrganizationPolicyType type, String name, List<String> targets) {
        boolean isServiceControlPolicy() {
            return type == OrganizationPolicyType.SERVICE_CONTROL_POLICY;
        }

        /** {@code SCP}, {@code RCP}. */
        String kind() {
            return type.abbreviation();
        }
    }

    /** Attachments name their policy by id, which the plan knows as the policy's name. */
    List<OrganizationPolicy> organizationPolicies() {
        List<OrganizationPolicy> policies = new ArrayList<>();
        for (PlannedResource policy : ofType(com.pulumi.aws.organizations.Policy.class)) {
            List<String> targets = ofType(com.pulumi.aws.organizations.PolicyAttachment.class).stream()
                    .filter(attachment -> policy.input("name").equals(attachment.input("policyId")))
                    .map(attachment -> attachment.input("targetId")).toList();
            policies.add(new OrganizationPolicy(OrganizationPolicyType.valueOf(policy.input("type")), policy.input("name"), targets));
        }
        return policies;
    }

    /** The places (account and region) where resources are, sorted. */
    static Set<PlannedResource.ProviderTarget> places(List<PlannedResource> resources) {
        Set<PlannedResource.ProviderTarget> places = new java.util.TreeSet<>(PLACE_ORDER);
        resources.forEach(resource -> resource.provider().ifPresent(places::add));
        return places;
    }

    static final java.util.Comparator<PlannedResource.ProviderTarget> PLACE_ORDER =
            java.util.Comparator.comparing(PlannedResource.ProviderTarget::account).thenComparing(PlannedResource.ProviderTarget::region);

    /** A URN ends in {@code ::<parent types joined by $>$<own type>::<name>}. */
    private static String ownType(String urn) {
        String types = urn.substring(0, urn.lastIndexOf("::"));
        types = types.substring(types.lastIndexOf("::") + 2);
        return types.substring(types.lastIndexOf('$') + 1);
    }
}
