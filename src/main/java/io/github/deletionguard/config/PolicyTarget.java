package io.github.deletionguard.config;

import java.util.regex.Pattern;

/**
 * Where the service control policy is attached: the organization root, an OU or one account.
 * {@code alreadyAttached} counts the SCPs on that target before this program's own (FullAWSAccess
 * included), because AWS refuses an attachment beyond its per-target limit.
 */
public record PolicyTarget(String id, int alreadyAttached) {
    // The forms AWS Organizations accepts as a policy target id.
    private static final Pattern ROOT = Pattern.compile("r-[0-9a-z]{4,32}");
    private static final Pattern ORGANIZATIONAL_UNIT = Pattern.compile("ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}");
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    public enum Kind {
        ROOT, ORGANIZATIONAL_UNIT, ACCOUNT, UNRECOGNISED
    }

    public Kind kind() {
        if (ROOT.matcher(id).matches()) {
            return Kind.ROOT;
        }
        if (ORGANIZATIONAL_UNIT.matcher(id).matches()) {
            return Kind.ORGANIZATIONAL_UNIT;
        }
        if (ACCOUNT.matcher(id).matches()) {
            return Kind.ACCOUNT;
        }
        return Kind.UNRECOGNISED;
    }
}
