package io.github.deletionguard.config;

import java.util.Optional;
import java.util.regex.Matcher;

/**
 * One entry of {@code deletion-guard:pipelineRoles}: a deployment pipeline's role whose denied
 * deletion attempts (its teardown hitting the SCP) are expected noise, summarized in one notice
 * per pipeline run instead of paging. Written as its ARN, path included, as CloudTrail's session
 * issuer names it; the account is a 12-digit id or {@code *} for the same role in every account.
 *
 * @param written    as the stack file spells it, for messages
 * @param account    the account id, or {@code *} for every account
 * @param pathAndName the role's path and name, {@code /ci/deployer}
 */
public record PipelineRole(String written, String account, String pathAndName) {
    public static final String ANY_ACCOUNT = "*";

    /** Empty when the text is no role ARN with a 12-digit or {@code *} account and no other wildcard. */
    public static Optional<PipelineRole> parse(String written) {
        Matcher role = AwsIdentifiers.ROLE_ARN_IN_ONE_OR_ANY_ACCOUNT.matcher(written);
        return role.matches() ? Optional.of(new PipelineRole(written, role.group(1), role.group(2))) : Optional.empty();
    }

    public boolean inAnyAccount() {
        return ANY_ACCOUNT.equals(account);
    }

    /** The ARN, with {@code *} as its account when it stands for every account. */
    public String arn() {
        return "arn:aws:iam::" + account + ":role" + pathAndName;
    }

    /**
     * The end of every session issuer ARN of the role in any account, {@code :role/ci/deployer},
     * for a filter pattern's leading wildcard (CloudWatch Logs has no inner wildcard). It is also
     * the end of a role whose path ends in {@code :role/ci/}: IAM allows colons in paths.
     */
    public String arnSuffix() {
        return ":role" + pathAndName;
    }

    /** The role's name, without its path, as IAM's role calls name it ({@code roleName}). */
    public String name() {
        return pathAndName.substring(pathAndName.lastIndexOf('/') + 1);
    }

    /** Whether this entry already covers {@code other}: the same role, here in every account. */
    public boolean covers(PipelineRole other) {
        return pathAndName.equals(other.pathAndName) && (inAnyAccount() || account.equals(other.account));
    }
}
