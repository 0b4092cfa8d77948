package io.github.deletionguard.remediation;

import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.testing.ConfigBuilder;

/** PreparedRemediation as the program prepares it, for tests of its parts. */
final class RemediationFixtures {
    private RemediationFixtures() {
    }

    /** Prepared from the sample model and the reviewed files in policy/. */
    static PreparedRemediation prepared(RemediationSettings settings) {
        return PreparedRemediation.prepare(ConfigBuilder.sample().remediation(settings).load(), PolicyFiles.inProjectRoot())
                .orElseThrow();
    }
}
