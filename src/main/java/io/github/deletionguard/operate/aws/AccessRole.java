package io.github.deletionguard.operate.aws;

/**
 * The role the operate commands assume in each account: the same one the program's providers
 * assume ({@code organization.accessRoleName}), so a check sees what {@code pulumi up} will see.
 */
public record AccessRole(String name) {
    public static final String SESSION_NAME = "deletion-guard-operate";

    public String arnIn(String accountId) {
        return io.github.deletionguard.naming.Arns.iamRole(accountId, name);
    }
}
