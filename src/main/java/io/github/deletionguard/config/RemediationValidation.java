package io.github.deletionguard.config;

import java.util.List;

/** Checks that remediation, when switched on, can create what it needs. */
final class RemediationValidation {
    // Systems Manager reserves these document name prefixes for AWS's own documents.
    private static final List<String> RESERVED_DOCUMENT_PREFIXES = List.of("aws", "amazon", "amzn");

    private RemediationValidation() {
    }

    static void check(GuardConfig config, ConfigIssues issues) {
        if (!config.remediation().anyEnabled()) {
            return;
        }
        String prefix = config.resourcePrefix();
        RESERVED_DOCUMENT_PREFIXES.stream().filter(prefix::startsWith).findFirst().ifPresent(reserved ->
                issues.add(StackConfigLoader.NAMESPACE + ":resourcePrefix",
                        "'" + prefix + "' starts with '" + reserved + "', which Systems Manager reserves, so the"
                                + " remediation Automation document named after it cannot be created.",
                        "choose a prefix that does not start with aws, amazon or amzn, or switch "
                                + StackConfigLoader.NAMESPACE + ":remediation off."));
    }
}
