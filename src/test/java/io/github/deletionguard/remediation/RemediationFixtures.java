package io.github.deletionguard.remediation;

import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.testing.SampleConfigs;

/** Remediation as the program prepares it, for tests of its parts. */
final class RemediationFixtures {
    private RemediationFixtures() {
    }

    /** Prepared from the sample model and the reviewed files in policy/. */
    static Remediation prepared(RemediationSettings settings) {
        return Remediation.prepare(SampleConfigs.small(AlarmMode.ANY_DELETION, settings), PolicyFiles.inProjectRoot())
                .orElseThrow();
    }
}
