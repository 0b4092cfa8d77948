package io.github.deletionguard.config;

/**
 * An entry of {@code deletion-guard:ephemeralScopes}: an OU of throw-away accounts (sandboxes)
 * whose principals may delete keys and secrets with short windows or, for secrets, at once. The
 * SCP tells them apart by {@code aws:PrincipalOrgPaths}, so an attachment to the root still binds
 * every other OU.
 *
 * @param organizationalUnitPath the OU's path as AWS writes it, {@code o-.../r-.../ou-.../}
 * @param name                   a short name for messages and the plan
 */
public record EphemeralScope(String name, String organizationalUnitPath) {

    /** The OU and every OU below it, as {@code StringLike} reads {@code aws:PrincipalOrgPaths}. */
    public String orgPathPattern() {
        return organizationalUnitPath + "*";
    }

    /** The OU's own id, the last segment of its path. */
    public String organizationalUnitId() {
        String[] segments = organizationalUnitPath.split("/");
        return segments[segments.length - 1];
    }
}
