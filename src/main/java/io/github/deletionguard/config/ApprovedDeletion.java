package io.github.deletionguard.config;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

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
}
