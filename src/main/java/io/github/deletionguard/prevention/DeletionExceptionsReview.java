package io.github.deletionguard.prevention;

import io.github.deletionguard.config.ApprovedDeletion;
import io.github.deletionguard.config.ApprovedResource;
import io.github.deletionguard.config.DeletionExceptions;
import io.github.deletionguard.config.EphemeralScope;
import io.github.deletionguard.detection.PreparedEphemeralDigest;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.naming.ResourceNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a reviewer of the stack file needs to see about its deletion exceptions, as the stack
 * output {@code deletionExceptions} (and so in {@code plan} and {@code plan --json}): each
 * approval with its days left on the run's date and the exemptions it renders, expired ones
 * marked for removal, the ephemeral OUs and what they lift, and the characters all of it adds to
 * the SCP. Built from the run's date only, so a day's plans are byte-identical.
 */
public final class DeletionExceptionsReview {
    public static final String OUTPUT = "deletionExceptions";

    private DeletionExceptionsReview() {
    }

    /** Empty when the stack grants no exception, so its outputs stay as they were. */
    public static Optional<Map<String, Object>> of(GuardConfig config, OrganizationPolicies policies, PolicyFiles files) {
        DeletionExceptions exceptions = config.deletionExceptions();
        if (exceptions.approvedDeletions().isEmpty() && exceptions.ephemeralScopes().isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("evaluatedOn", exceptions.evaluatedOn().toString());
        List<Object> approvals = new ArrayList<>();
        for (ApprovedDeletion approval : exceptions.approvedDeletions()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            boolean active = approval.isActiveOn(exceptions.evaluatedOn());
            entry.put("resource", approval.resource().arn());
            entry.put("principal", approval.principal());
            entry.put("ticket", approval.ticket());
            entry.put("approvedBy", approval.approvedBy());
            entry.put("reason", approval.reason());
            entry.put("until", approval.until().toString());
            entry.put("status", active ? "active" : "expired: remove the entry");
            entry.put("daysLeft", active ? (int) approval.daysLeftOn(exceptions.evaluatedOn()) : 0);
            entry.put("allows", DeletionExemptions.approvedAction(approval) + " until " + approval.expiresAt()
                    + ", window at least the minimum");
            boolean undoes = approval.resource().kind() == ApprovedResource.Kind.KEY
                    ? config.remediation().cancelKeyDeletion() : config.remediation().restoreSecret();
            entry.put("remediationRuleSkipsIt", active && undoes);
            // The paging rule leaves the approved call to this rule, which notifies it on the notices topic.
            entry.put("noticeRule", active ? ResourceNames.of(config).approvalNoticeRule(approval.id()) : "");
            entry.put("serviceControlPolicyStatements", active
                    ? policies.deletionExemptions().statementIdsFor(approval) : List.of());
            approvals.add(entry);
        }
        review.put("approvedDeletions", approvals);
        List<Object> scopes = new ArrayList<>();
        for (EphemeralScope scope : exceptions.ephemeralScopes()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", scope.name());
            entry.put("organizationalUnitPath", scope.organizationalUnitPath());
            entry.put("liftsServiceControlPolicyStatements", List.copyOf(new TreeSet<>(ServiceControlPolicyDocument.DELETION_STATEMENT_SIDS)));
            entry.put("liftsResourceControlPolicyStatements", List.of(ResourceControlPolicyDocument.NO_DELETION_WITHOUT_RECOVERY_SID));
            // The accounts the central bus knows to be in the scope: their deletions reach the digest, nothing undoes them.
            List<String> accounts = config.ephemeralAccounts().stream()
                    .filter(member -> config.ephemeralScopeOf(member).filter(scope::equals).isPresent())
                    .map(member -> member.name() + " (" + member.id() + ")").toList();
            entry.put("accounts", accounts);
            entry.put("deletionsNotified", accounts.isEmpty() ? "one by one: no configured account is in the scope"
                    : "daily digest at " + PreparedEphemeralDigest.SCHEDULE_TIME_UTC + " UTC on "
                    + ResourceNames.of(config).noticeTopic() + ", not paged; not undone");
            scopes.add(entry);
        }
        review.put("ephemeralScopes", scopes);
        int with = policies.serviceControlPolicy().characters();
        int without = OrganizationPolicies.renderFor(config.withDeletionExceptions(DeletionExceptions.none(exceptions.evaluatedOn())),
                files).orElseThrow().serviceControlPolicy().characters();
        Map<String, Object> size = new LinkedHashMap<>();
        size.put("characters", with);
        size.put("withoutExceptions", without);
        size.put("parts", policies.serviceControlPolicy().parts().size());
        size.put("maxCharactersPerPart", ServiceControlPolicyDocument.MAX_CHARACTERS);
        review.put("serviceControlPolicySize", size);
        return Optional.of(review);
    }
}
