package io.github.deletionguard.awsapi;

/** The AWS Organizations policy types the guardrail creates; the constant names are the API's ({@code CreatePolicy} type). */
public enum OrganizationPolicyType {
    SERVICE_CONTROL_POLICY("SCP"),
    RESOURCE_CONTROL_POLICY("RCP");

    private final String abbreviation;

    OrganizationPolicyType(String abbreviation) {
        this.abbreviation = abbreviation;
    }

    /** The short name AWS's documentation uses, e.g. {@code SCP}. */
    public String abbreviation() {
        return abbreviation;
    }
}
