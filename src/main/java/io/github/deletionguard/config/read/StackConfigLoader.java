package io.github.deletionguard.config.read;

import io.github.deletionguard.config.ConfigIssues;
import io.github.deletionguard.config.ConfigKeys;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.LoadedConfig;
import io.github.deletionguard.config.PartialConfig;
import io.github.deletionguard.config.validate.ConfigValidator;
import io.github.deletionguard.config.validate.ConfigWarnings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns {@code Pulumi.<stack>.yaml} values, as Pulumi hands them to the program, into a
 * validated {@link GuardConfig}: reading checks shape, validation checks values and relations,
 * both collect issues, and nothing is returned unless there are none, so a bad config deploys
 * nothing. What deploys but leaves something unwatched comes back as warnings next to the config.
 */
public final class StackConfigLoader {
    private StackConfigLoader() {
    }

    /**
     * @param stackName   names the stack file in error messages
     * @param presentKeys every config key the stack sets, namespace included ({@code deletion-guard:alarmMode})
     * @param valueOf     the value of a key in the {@code deletion-guard} namespace by its name, as Pulumi's
     *                    {@code Config.get} returns it (structured values arrive as JSON text)
     * @param clock       read once, for the date (UTC) approved deletions are judged by; nothing else reads the time
     * @throws io.github.deletionguard.config.InvalidConfigException listing every issue
     */
    public static LoadedConfig load(String stackName, Set<String> presentKeys, Function<String, Optional<String>> valueOf,
                                    Clock clock) {
        ConfigIssues issues = new ConfigIssues();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        PartialConfig partial = new StackConfigReader(presentKeys, valueOf, issues, today).read();
        ConfigValidator.validate(partial, issues);
        issues.throwIfAny(ConfigKeys.stackFile(stackName));
        GuardConfig config = partial.toGuardConfig().orElseThrow(() -> new IllegalStateException(
                "a part of the config could not be read, but no issue says why"));
        return new LoadedConfig(config, ConfigWarnings.of(config));
    }

    /**
     * The same for config as the CLI hands it over (full keys to raw values), as {@code plan}
     * reads it from the stack file: the way to the warnings for a command that prints them.
     */
    public static LoadedConfig load(String stackName, Map<String, String> config, Clock clock) {
        return load(stackName, config.keySet(), key -> Optional.ofNullable(config.get(ConfigKeys.qualified(key))), clock);
    }
}
