package io.github.deletionguard.config;

/**
 * Where the service control policy is attached: the organization root, an OU or one account.
 * {@code alreadyAttached} counts the SCPs on that target before this program's own (FullAWSAccess
 * included), because AWS refuses an attachment beyond its per-target limit.
 */
public record PolicyTarget(String id, int alreadyAttached) {
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
