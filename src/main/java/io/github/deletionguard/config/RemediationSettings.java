package io.github.deletionguard.config;

/**
 * Which deletions the program undoes by itself, from {@code deletion-guard:remediation}.
 * Unset means off: undoing someone's change in their account is a decision a stack makes in
 * writing, not one it inherits from a default it may never have read.
 *
 * @param cancelKeyDeletion cancel a ScheduleKeyDeletion and re-enable the key if it was enabled before
 * @param restoreSecret     restore a secret deleted with a recovery window
 */
public record RemediationSettings(boolean cancelKeyDeletion, boolean restoreSecret) {

    public static RemediationSettings off() {
        return new RemediationSettings(false, false);
    }

    public boolean anyEnabled() {
        return cancelKeyDeletion || restoreSecret;
    }
}
