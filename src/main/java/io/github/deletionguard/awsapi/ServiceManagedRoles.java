package io.github.deletionguard.awsapi;

/** Names AWS gives the roles its services create in member accounts, as AWS spells them. */
public final class ServiceManagedRoles {
    /**
     * The execution role of service-managed StackSets in every target account, {@code stacksets-exec-}
     * and a hash, on the root path: the stacks a StackSet deploys are created, updated and deleted
     * as this role ("By default, StackSets with service-managed permissions creates an execution role
     * named stacksets-exec-* in each target account", with AdministratorAccess, CloudFormation User
     * Guide, stacksets-custom-execution-role; the management account's service-linked role may assume
     * only {@code arn:aws:iam::*:role/stacksets-exec-*}, AWS managed policy
     * CloudFormationStackSetsOrgAdminServiceRolePolicy). The role itself is created by the member
     * account's service-linked role AWSServiceRoleForCloudFormationStackSetsOrgMember (Organizations
     * User Guide, services-that-can-integrate-cloudformation), which no SCP binds ("SCPs don't affect
     * any service-linked role", orgs_manage_policies_scps); the execution role, an ordinary role, is
     * bound by SCPs like any other.
     */
    public static final String STACKSETS_EXECUTION_NAMES = "stacksets-exec-*";

    private ServiceManagedRoles() {
    }
}
