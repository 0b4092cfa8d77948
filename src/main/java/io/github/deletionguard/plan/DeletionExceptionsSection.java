package io.github.deletionguard.plan;

import io.github.deletionguard.prevention.DeletionExceptionsReview;

import java.util.List;
import java.util.Map;

/**
 * The plan's review of approved deletions and ephemeral scopes, from the stack output a reviewer
 * and tooling read alike: days left and the SCP statements of each approval, expired ones to
 * remove, the OUs lifted, and what they cost in SCP characters. Nothing when the stack has none.
 */
final class DeletionExceptionsSection {
    private DeletionExceptionsSection() {
    }

    static String render(OfflineEngine.Run run) {
        if (!(run.outputs().get(DeletionExceptionsReview.OUTPUT) instanceof Map<?, ?> review)) {
            return "";
        }
        StringBuilder text = new StringBuilder("\nDeletion exceptions on ").append(review.get("evaluatedOn")).append(" (UTC)\n");
        for (Object entry : (List<?>) review.get("approvedDeletions")) {
            Map<?, ?> approval = (Map<?, ?>) entry;
            boolean active = "active".equals(approval.get("status"));
            text.append(active ? "  approved " : "  WARNING expired ").append(approval.get("resource")).append('\n')
                    .append("      by ").append(approval.get("principal")).append(", ticket ").append(approval.get("ticket"))
                    .append(", approved by ").append(approval.get("approvedBy")).append(": ").append(approval.get("reason")).append('\n')
                    .append("      until ").append(approval.get("until"))
                    .append(active ? " (" + approval.get("daysLeft") + " days left): " + approval.get("allows")
                            : ": AWS denies the deletion again; remove the entry from the stack file").append('\n');
            if (active) {
                text.append("      renders ").append(String.join(", ", strings(approval.get("serviceControlPolicyStatements"))))
                        .append(Boolean.TRUE.equals(approval.get("remediationRuleSkipsIt"))
                                ? "; the remediation rule leaves it alone" : "")
                        .append("; notified as approved by ").append(approval.get("noticeRule"))
                        .append(" on the notices topic, not paged").append('\n');
            }
        }
        for (Object entry : (List<?>) review.get("ephemeralScopes")) {
            Map<?, ?> scope = (Map<?, ?>) entry;
            text.append("  ephemeral ").append(scope.get("name")).append(" ").append(scope.get("organizationalUnitPath"))
                    .append(": lifts ").append(String.join(", ", strings(scope.get("liftsServiceControlPolicyStatements"))))
                    .append(" (SCP), ").append(String.join(", ", strings(scope.get("liftsResourceControlPolicyStatements"))))
                    .append(" (RCP)\n")
                    .append("    accounts: ").append(strings(scope.get("accounts")).isEmpty() ? "none configured"
                            : String.join(", ", strings(scope.get("accounts"))))
                    .append("; deletions notified ").append(scope.get("deletionsNotified")).append('\n');
        }
        Map<?, ?> size = (Map<?, ?>) review.get("serviceControlPolicySize");
        text.append("  SCP size ").append(size.get("characters")).append(" characters (").append(size.get("withoutExceptions"))
                .append(" without the exceptions) in ").append(size.get("parts")).append(" part(s) of at most ")
                .append(size.get("maxCharactersPerPart")).append('\n');
        return text.toString();
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
