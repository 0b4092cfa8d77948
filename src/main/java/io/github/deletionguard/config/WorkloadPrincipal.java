package io.github.deletionguard.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may use a critical key or read a critical secret: a whole account (written as its id) or
 * one IAM role (written as its ARN). Key and secret policies name it by {@link #arn()}.
 *
 * @param written   as the stack file spells it, for messages
 * @param accountId the account the principal belongs to
 * @param role      the role's path and name ({@code /path/Name}), empty for a whole account
 */
public record WorkloadPrincipal(String written, String accountId, Optional<String> role) {
    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ACCOUNT_ROOT = Pattern.compile("arn:aws:iam::(\\d{12}):root");
    // Key and secret policies reject wildcards in a principal, so none are accepted here either.
    private static final Pattern ROLE = Pattern.compile("arn:aws:iam::(\\d{12}):role((?:/[\\w+=,.@-]+)*/[\\w+=,.@-]{1,64})");

    /** Empty when the text is neither a 12-digit account id nor an account-root or role ARN. */
    public static Optional<WorkloadPrincipal> parse(String written) {
        if (ACCOUNT.matcher(written).matches()) {
            return Optional.of(new WorkloadPrincipal(written, written, Optional.empty()));
        }
        Matcher root = ACCOUNT_ROOT.matcher(written);
        if (root.matches()) {
            return Optional.of(new WorkloadPrincipal(written, root.group(1), Optional.empty()));
        }
        Matcher role = ROLE.matcher(written);
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

    public boolean isWholeAccount() {
        return role.isEmpty();
    }
}
