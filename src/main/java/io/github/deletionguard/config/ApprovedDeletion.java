package io.github.deletionguard.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * One entry of {@code deletion-guard:approvedDeletions}: {@code principal} may delete
 * {@code resource} (schedule the key's deletion, or delete the secret, each with at least the
 * minimum window) until {@code until}, 00:00 UTC, because someone approved it under a ticket.
 * The SCP states the date itself ({@code aws:CurrentTime}), so the exemption ends in AWS on time
 * whether or not anyone runs the program again.
 *
 * @param principal the role ARN ({@code aws:PrincipalArn}) that may delete, in the resource's account
 */
public record ApprovedDeletion(ApprovedResource resource, LocalDate until, String ticket, String approvedBy,
                               String reason, String principal) {

    /** Whether the exemption still holds on {@code today}: it ends at the start of {@code until}. */
    public boolean isActiveOn(LocalDate today) {
        return today.isBefore(until);
    }

    public long daysLeftOn(LocalDate today) {
        return ChronoUnit.DAYS.between(today, until);
    }

    /** The instant the exemption ends, as IAM's date conditions read {@code aws:CurrentTime}. */
    public String expiresAt() {
        return DateTimeFormatter.ISO_INSTANT.format(until.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * The approval's part of the names of what notifies it: eight hex digits of a hash of its
     * resource and role, so the same deletion keeps its rule when the ticket or the date changes,
     * and two approvals never share one.
     */
    public String id() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((resource.arn() + "\n" + principal).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
