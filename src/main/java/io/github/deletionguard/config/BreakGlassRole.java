package io.github.deletionguard.config;

/**
 * A role named in config as {@code Name} or {@code /path/Name}: a role that may delete keys and
 * secrets on purpose, or one that provisions roles in new accounts. Matched in any account of the
 * organization, because assumed-role session ARNs do not carry the path but
 * {@code aws:PrincipalArn} and the session issuer ARN do.
 */
public record BreakGlassRole(String path, String name) {

    public static BreakGlassRole parse(String written) {
        int lastSlash = written.lastIndexOf('/');
        if (lastSlash < 0) {
            return new BreakGlassRole("/", written);
        }
        return new BreakGlassRole(written.substring(0, lastSlash + 1), written.substring(lastSlash + 1));
    }

    /** The role ARN in every account, for {@code ArnLike} conditions. */
    public String arnInAnyAccount() {
        return arnIn("*");
    }

    /** The role's exact ARN in one account, path included, as CloudTrail's session issuer names it. */
    public String arnIn(String accountId) {
        return "arn:aws:iam::" + accountId + ":role" + path + name;
    }

    public String written() {
        return path.equals("/") ? name : path + name;
    }
}
