package io.github.deletionguard.config.read;

import io.github.deletionguard.config.ApprovedDeletion;
import io.github.deletionguard.config.ApprovedResource;
import io.github.deletionguard.config.EphemeralScope;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import static io.github.deletionguard.config.read.ConfigNode.allRead;

/** Reads {@code deletion-guard:approvedDeletions} and {@code deletion-guard:ephemeralScopes}, checking shape only. */
final class DeletionExceptionsReader {
    private static final String DATE_FIX = "write the day the exemption ends (at 00:00 UTC) as a quoted ISO date,"
            + " e.g. \"2026-12-20\", at most 30 days ahead.";

    private DeletionExceptionsReader() {
    }

    static Optional<ApprovedDeletion> readApproval(ConfigNode element) {
        return element.object("write each approved deletion as {resource, until, ticket, approvedBy, reason, principal}.")
                .flatMap(node -> {
                    node.allowOnlyFields("resource", "until", "ticket", "approvedBy", "reason", "principal");
                    Optional<ApprovedResource> resource = node.required("resource",
                            "set the key or secret ARN to delete (a secret may end in a name pattern).",
                            DeletionExceptionsReader::readResource);
                    Optional<LocalDate> until = node.required("until", DATE_FIX, DeletionExceptionsReader::readDate);
                    Optional<String> ticket = node.required("ticket", "set the change ticket that approved it, e.g. CHG-1234.",
                            ConfigNode::text);
                    Optional<String> approvedBy = node.required("approvedBy", "name who approved it (not the requester).",
                            ConfigNode::text);
                    Optional<String> reason = node.required("reason", "say in a few words why it is deleted.", ConfigNode::text);
                    Optional<String> principal = node.required("principal",
                            "set the role ARN that deletes it, e.g. arn:aws:iam::<account>:role/<pipeline role>.", ConfigNode::text);
                    return allRead(resource, until, ticket, approvedBy, reason, principal)
                            ? Optional.of(new ApprovedDeletion(resource.get(), until.get(), ticket.get(), approvedBy.get(),
                            reason.get(), principal.get()))
                            : Optional.empty();
                });
    }

    static Optional<EphemeralScope> readScope(ConfigNode element) {
        return element.object("write each ephemeral scope as {name, organizationalUnitPath}.").flatMap(node -> {
            node.allowOnlyFields("name", "organizationalUnitPath");
            Optional<String> name = node.required("name", "give the scope a short name, e.g. sandboxes.", ConfigNode::text);
            Optional<String> path = node.required("organizationalUnitPath",
                    "set the OU's path, o-<org>/r-<root>/ou-<...>/ (aws organizations list-parents, up to the root).",
                    ConfigNode::text);
            return allRead(name, path) ? Optional.of(new EphemeralScope(name.get(), path.get())) : Optional.empty();
        });
    }

    private static Optional<ApprovedResource> readResource(ConfigNode node) {
        return node.text().flatMap(written -> {
            Optional<ApprovedResource> resource = ApprovedResource.parse(written);
            if (resource.isEmpty()) {
                node.reportIssue("'" + written + "' is not a KMS key or Secrets Manager secret ARN.",
                        "write arn:aws:kms:<region>:<account>:key/<key id> or arn:aws:secretsmanager:<region>:<account>:secret:<name>.");
            }
            return resource;
        });
    }

    private static Optional<LocalDate> readDate(ConfigNode node) {
        return node.text().flatMap(written -> {
            try {
                return Optional.of(LocalDate.parse(written));
            } catch (DateTimeParseException e) {
                node.reportIssue("'" + written + "' is not an ISO date.", DATE_FIX);
                return Optional.empty();
            }
        });
    }
}
