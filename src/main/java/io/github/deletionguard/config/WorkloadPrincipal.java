package io.github.deletionguard.config;

import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Who may use a critical key or read a critical secret: a whole account (written as its id) or
 * one IAM role (written as its ARN). Key and secret policies name it by {@link #arn()}.
 *
 * @param written   as the stack file spells it, for messages
 * @param accountId the account the principal belongs to
 * @param role      the role's path and name ({@code /path/Name}), empty for a whole account
 */
public record WorkloadPrincipal(String written, String accountId, Optional<String> role) {
    /** Empty when the text is neither a 12-digit account id nor an account-root or role ARN. */
    public static Optional<WorkloadPrincipal> parse(String written) {
        if (AwsIdentifiers.isAccountId(written)) {
            return Optional.of(new WorkloadPrincipal(written, written, Optional.empty()));
        }
        Matcher root = AwsIdentifiers.ACCOUNT_ROOT_ARN.matcher(written);
        if (root.matches()) {
            return Optional.of(new WorkloadPrincipal(written, root.group(1), Optional.empty()));
        }
        Matcher role = AwsIdentifiers.ROLE_ARN.matcher(written);
        if (role.matches()) {
            return Optional.of(new WorkloadPrincipal(written, role.group(1), Optional.of(role.group(2))));
        }
        return Optional.empty();
    }

    /** The ARN a resource policy names: the account root trusts the account's own IAM policies. */
    public String arn() {
        return role.map(pathAndName -> "arn:aws:iam::" + accountId + ":role" + pathAndName)
                .orElse("arn:aws:iam::" + accountId + ":root");
    }

    /**
     * The {@code aws:PrincipalArn} pattern of every caller this principal stands for: the role, or
     * every IAM principal of a whole account (whose role sessions carry the role's ARN there).
     */
    public String principalArnPattern() {
        return role.isPresent() ? arn() : "arn:aws:iam::" + accountId + ":*";
    }

    public boolean isWholeAccount() {
        return role.isEmpty();
    }
}
