package io.github.deletionguard.config;

import java.util.List;

/**
 * A valid stack configuration and what deserves a look although it deploys: warnings name a
 * field, what the stack will not do because of it, and how to change that if it was not meant.
 */
public record LoadedConfig(GuardConfig config, List<ConfigIssue> warnings) {

    public LoadedConfig {
        warnings = List.copyOf(warnings);
    }
}
