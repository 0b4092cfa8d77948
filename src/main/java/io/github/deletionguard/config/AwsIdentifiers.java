package io.github.deletionguard.config;

import java.util.regex.Pattern;

/**
 * The forms AWS gives its identifiers, written once for the model (which classifies and parses
 * them) and for validation (which rejects what is none of them).
 */
public final class AwsIdentifiers {
    private static final String ROLE_NAME_CHARACTER = "[\\w+=,.@-]";
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ORGANIZATION_ID = Pattern.compile("o-[a-z0-9]{10,32}");
    private static final Pattern ROOT_ID = Pattern.compile("r-[0-9a-z]{4,32}");
    private static final Pattern ORGANIZATIONAL_UNIT_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}");
    private static final Pattern ROLE_NAME = Pattern.compile(ROLE_NAME_CHARACTER + "{1,64}");
    private static final Pattern ROLE_PATH = Pattern.compile("/(?:[\\x21-\\x2E\\x30-\\x7E]+/)*");
    /** An account's root principal, {@code arn:aws:iam::<account>:root}; group 1 is the account. */
    public static final Pattern ACCOUNT_ROOT_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):root");
    /**
     * A role ARN without wildcards (resource policies reject them in a principal); group 1 is the
     * account, group 2 the role's path and name.
     */
    public static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role((?:/"
            + ROLE_NAME_CHARACTER + "+)*/" + ROLE_NAME_CHARACTER + "{1,64})");

    /**
     * A role ARN whose account is a 12-digit id or {@code *} (the role in every account), with no
     * other wildcard; group 1 is the account, group 2 the role's path and name.
     */
    public static final Pattern ROLE_ARN_IN_ONE_OR_ANY_ACCOUNT = Pattern.compile("arn:aws:iam::(\\d{12}|\\*):role((?:/"
            + ROLE_NAME_CHARACTER + "+)*/" + ROLE_NAME_CHARACTER + "{1,64})");

    private AwsIdentifiers() {
    }

    public static boolean isAccountId(String id) {
        return ACCOUNT_ID.matcher(id).matches();
    }

    public static boolean isOrganizationId(String id) {
        return ORGANIZATION_ID.matcher(id).matches();
    }

    public static boolean isRootId(String id) {
        return ROOT_ID.matcher(id).matches();
    }

    public static boolean isOrganizationalUnitId(String id) {
        return ORGANIZATIONAL_UNIT_ID.matcher(id).matches();
    }

    public static boolean isRoleName(String name) {
        return ROLE_NAME.matcher(name).matches();
    }

    public static boolean isRolePath(String path) {
        return ROLE_PATH.matcher(path).matches();
    }
}
