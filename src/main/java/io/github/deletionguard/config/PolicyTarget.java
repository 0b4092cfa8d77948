package io.github.deletionguard.config;

/**
 * Where the service control policy and the resource control policy are attached: the
 * organization root, an OU or one account. AWS refuses an attachment beyond its per-target limit,
 * so the config counts what is there before this program's own policies.
 *
 * @param alreadyAttached     the SCPs on the target, FullAWSAccess included
 * @param alreadyAttachedRcps the RCPs on the target, RCPFullAWSAccess included
 */
public record PolicyTarget(String id, int alreadyAttached, int alreadyAttachedRcps) {
    /** AWS attaches RCPFullAWSAccess to every root, OU and account once RCPs are enabled, and it cannot be detached. */
    public static final int DEFAULT_ATTACHED_RCPS = 1;

    public enum Kind {
        ROOT, ORGANIZATIONAL_UNIT, ACCOUNT, UNRECOGNISED
    }

    public Kind kind() {
        if (AwsIdentifiers.isRootId(id)) {
            return Kind.ROOT;
        }
        if (AwsIdentifiers.isOrganizationalUnitId(id)) {
            return Kind.ORGANIZATIONAL_UNIT;
        }
        if (AwsIdentifiers.isAccountId(id)) {
            return Kind.ACCOUNT;
        }
        return Kind.UNRECOGNISED;
    }
}
