package io.github.deletionguard.awsapi;

/** Service principals of AWS services that the program relies on, as AWS spells them. */
public final class ServicePrincipals {
    /** Service-managed StackSets: trusted access for it lets CloudFormation deploy into member accounts. */
    public static final String STACKSETS_MEMBER = "member.org.stacksets.cloudformation.amazonaws.com";
    /** What service principals end with: grants to AWS services name one as grantee. */
    public static final String SUFFIX = ".amazonaws.com";

    private ServicePrincipals() {
    }
}
