package io.github.deletionguard.patterns;

import io.github.deletionguard.awsapi.ApiCall;
import io.github.deletionguard.awsapi.EventField;
import io.github.deletionguard.config.ApprovedDeletion;
import io.github.deletionguard.config.ApprovedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.github.deletionguard.patterns.EventPattern.Match.equalTo;
import static io.github.deletionguard.patterns.EventPattern.Match.exists;
import static io.github.deletionguard.patterns.EventPattern.Match.noneOf;
import static io.github.deletionguard.patterns.EventPattern.Match.wildcard;

/**
 * EventBridge patterns of approved deletions, shared by the remediation rule (which leaves them
 * alone) and the central bus (which notifies them as approved instead of paging), so that what is
 * not undone and what is not paged are the same calls.
 */
public final class ApprovedCalls {
    private ApprovedCalls() {
    }

    /**
     * The deletion of each kind that can be undone, and so the only one an approval allows (every
     * other destruction stays denied): scheduling a key's deletion, or deleting a secret with a
     * recovery window.
     */
    public static EventPattern undoableDeletion(ApprovedResource.Kind kind) {
        return kind == ApprovedResource.Kind.KEY
                ? CallPatterns.succeeded(CallPatterns.anyOf(List.of(approvedCall(kind))))
                : CallPatterns.succeeded(CallPatterns.recoverableSecretDeletion());
    }

    /** The API call of {@link #undoableDeletion}. */
    public static ApiCall approvedCall(ApprovedResource.Kind kind) {
        return kind == ApprovedResource.Kind.KEY ? ApiCall.SCHEDULE_KEY_DELETION : ApiCall.DELETE_SECRET;
    }

    /** Where the deleted resource's ARN is in the event, as the service answered it (a request may name a key by id). */
    public static EventField resourceField(ApprovedResource.Kind kind) {
        return kind == ApprovedResource.Kind.KEY ? EventField.RESPONSE_KEY_ID : EventField.RESPONSE_SECRET_ARN;
    }

    /**
     * The approval's own call: by its role (the session issuer's exact ARN, path included) on its
     * resource. A secret name pattern becomes an EventBridge wildcard, whose only wildcard is
     * {@code *}: each run of {@code *} and {@code ?} is one {@code *}, which matches at least what
     * IAM's ArnLike matches; the SCP confines the role to what ArnLike matches.
     */
    public static EventPattern of(ApprovedDeletion approval) {
        ApprovedResource resource = approval.resource();
        EventPattern.Match resourceMatch = resource.isPattern()
                ? wildcard(resource.arn().replaceAll("[*?]+", "*"))
                : equalTo(resource.arn());
        return undoableDeletion(resource.kind())
                .with(EventField.SESSION_ISSUER_ARN, equalTo(approval.principal()))
                .with(resourceField(resource.kind()), resourceMatch);
    }

    /** The approvals of one kind of resource. */
    public static List<ApprovedDeletion> ofKind(List<ApprovedDeletion> approvals, ApprovedResource.Kind kind) {
        return approvals.stream().filter(approval -> approval.resource().kind() == kind).toList();
    }

    /**
     * The deletion unless its caller is exempt: one of {@code exemptIssuers} (break-glass roles,
     * by their exact ARNs), or an approved role on an approved resource (exact ARNs, as the
     * service answered them). The role is recognised by the session issuer's ARN, which keeps the
     * role's path (the assumed-role ARN in userIdentity.arn does not). Callers without a session
     * issuer (IAM users, the root user) are never exempt; they need their own branch because
     * anything-but never matches an absent field.
     * <p>
     * Event Ruler keeps one condition per field and branch, so the exemptions are one
     * {@code $or}: no issuer; an issuer neither exempt nor approved; or an issuer not exempt on a
     * resource not approved. EventBridge cannot say "none of several wildcards", so when a secret
     * is approved by name pattern the resource branch is left out and the role alone decides; the
     * SCP confines that role to its approved resources (and denies it every other destruction
     * call), so its only call that can succeed is the approved one. Rules cannot read the time:
     * the first run on or after {@code until} renders the pattern without the approval, and until
     * then the SCP denies the role the call.
     */
    public static EventPattern exceptExempt(EventPattern deletion, List<String> exemptIssuers,
                                            List<ApprovedDeletion> approvals, EventField resourceField) {
        return exceptExempt(deletion, exemptIssuers, approvals, resourceField, Optional.empty());
    }

    /**
     * As above, for a pattern of several calls of which an approval allows only
     * {@code approvedCall}: every other call of the pattern stays matched whoever makes it, by a
     * branch of its own, so the exemption never silences a call the SCP should have denied.
     */
    public static EventPattern exceptExempt(EventPattern deletion, List<String> exemptIssuers,
                                            List<ApprovedDeletion> approvals, EventField resourceField,
                                            Optional<ApiCall> approvedCall) {
        if (approvals.isEmpty()) {
            if (exemptIssuers.isEmpty()) {
                return deletion;
            }
            String userIdentity = "detail.userIdentity";
            String issuer = EventField.SESSION_ISSUER_ARN.within(userIdentity);
            return deletion.withAnyOf(userIdentity, List.of(
                    EventPattern.empty().with(issuer, exists(false)),
                    EventPattern.empty().with(issuer, noneOf(exemptIssuers))));
        }
        String issuer = EventField.SESSION_ISSUER_ARN.within("detail");
        List<String> exempt = new ArrayList<>(exemptIssuers);
        approvals.stream().map(ApprovedDeletion::principal).sorted().distinct().forEach(exempt::add);
        List<EventPattern> branches = new ArrayList<>(List.of(
                EventPattern.empty().with(issuer, exists(false)),
                EventPattern.empty().with(issuer, noneOf(exempt))));
        if (approvals.stream().noneMatch(approval -> approval.resource().isPattern())) {
            EventPattern otherResource = EventPattern.empty().with(resourceField.within("detail"),
                    noneOf(approvals.stream().map(approval -> approval.resource().arn()).sorted().distinct().toList()));
            branches.add(exemptIssuers.isEmpty() ? otherResource : otherResource.with(issuer, noneOf(exemptIssuers)));
        }
        approvedCall.ifPresent(call -> branches.add(EventPattern.empty()
                .with(EventField.EVENT_NAME.within("detail"), noneOf(List.of(call.eventName())))));
        return deletion.withAnyOf("detail", branches);
    }
}
