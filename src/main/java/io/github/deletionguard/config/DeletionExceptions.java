package io.github.deletionguard.config;

import java.time.LocalDate;
import java.util.List;

/**
 * The narrow ways around the guard that the config grants on purpose: approved deletions of
 * single keys and secrets, and ephemeral OUs. {@code evaluatedOn} is the date the program was
 * started for (UTC), read once from the clock at the entry point, so every rendered document of
 * one run, and every run on the same day, is the same.
 */
public record DeletionExceptions(List<ApprovedDeletion> approvedDeletions, List<EphemeralScope> ephemeralScopes,
                                 LocalDate evaluatedOn) {

    public DeletionExceptions {
        approvedDeletions = List.copyOf(approvedDeletions);
        ephemeralScopes = List.copyOf(ephemeralScopes);
    }

    public static DeletionExceptions none(LocalDate evaluatedOn) {
        return new DeletionExceptions(List.of(), List.of(), evaluatedOn);
    }

    /** Approvals still in force: the only ones rendered into the SCP and the rules. */
    public List<ApprovedDeletion> active() {
        return approvedDeletions.stream().filter(approval -> approval.isActiveOn(evaluatedOn)).toList();
    }

    /** Approvals whose date has passed: AWS ignores them already, the file should lose them. */
    public List<ApprovedDeletion> expired() {
        return approvedDeletions.stream().filter(approval -> !approval.isActiveOn(evaluatedOn)).toList();
    }
}
