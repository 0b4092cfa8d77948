package io.github.deletionguard.config.validate;

import io.github.deletionguard.config.ConfigIssues;
import io.github.deletionguard.config.PartialConfig;
import io.github.deletionguard.config.RemediationSettings;

import java.util.List;

import static io.github.deletionguard.config.ConfigKeys.qualified;

/** Checks that remediation, when switched on, can create what it needs. */
final class RemediationValidation {
    // Systems Manager reserves these document name prefixes for AWS's own documents.
    private static final List<String> RESERVED_DOCUMENT_PREFIXES = List.of("aws", "amazon", "amzn");

    private RemediationValidation() {
    }

    static void check(PartialConfig config, ConfigIssues issues) {
        if (!config.remediation().map(RemediationSettings::anyEnabled).orElse(false)) {
            return;
        }
        String prefix = config.resourcePrefix();
        RESERVED_DOCUMENT_PREFIXES.stream().filter(prefix::startsWith).findFirst().ifPresent(reserved ->
                issues.add(qualified("resourcePrefix"),
                        "'" + prefix + "' starts with '" + reserved + "', which Systems Manager reserves, so the"
                                + " remediation Automation document named after it cannot be created.",
                        "choose a prefix that does not start with aws, amazon or amzn, or switch "
                                + qualified("remediation") + " off."));
    }
}
