package io.github.deletionguard.prevention;

import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.StackConfigLoader;
import io.github.deletionguard.plan.StackFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A repository stack file's config, as the CLI hands it to the program, with some keys replaced
 * or removed: the realistic stack with just the variation a test is about.
 */
final class StackConfigOverrides {
    private StackConfigOverrides() {
    }

    /** Full keys to raw values; {@code overrides} are keyed by short name, without the namespace. */
    static Map<String, String> raw(String stack, Map<String, String> overrides) {
        Map<String, String> config;
        try {
            config = new HashMap<>(StackFile.read(Path.of(""), stack).config());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        overrides.forEach((key, value) -> config.put(StackConfigLoader.NAMESPACE + ":" + key, value));
        return config;
    }

    static Map<String, String> rawWithout(String stack, String key) {
        Map<String, String> config = raw(stack, Map.of());
        config.remove(StackConfigLoader.NAMESPACE + ":" + key);
        return config;
    }

    /** Loads and validates raw config as {@code App.stack} does. */
    static GuardConfig load(String stack, Map<String, String> raw) {
        return StackConfigLoader.load(stack, key -> Optional.ofNullable(raw.get(StackConfigLoader.NAMESPACE + ":" + key)));
    }
}
