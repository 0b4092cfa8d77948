package io.github.deletionguard.operate;

import io.github.deletionguard.config.ConfigKeys;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code secure:} ciphertexts of a stack file. The plan hides them; preflight needs them to
 * tell a real ciphertext from the placeholder a template stack file ships with.
 */
public final class SecureConfigValues {
    private SecureConfigValues() {
    }

    public static Map<String, String> read(Path projectRoot, String stack) throws IOException {
        Map<String, String> ciphertexts = new TreeMap<>();
        try (Reader reader = Files.newBufferedReader(projectRoot.resolve(ConfigKeys.stackFile(stack)))) {
            if (new Yaml().load(reader) instanceof Map<?, ?> file && file.get("config") instanceof Map<?, ?> config) {
                config.forEach((key, value) -> {
                    if (value instanceof Map<?, ?> map && map.get("secure") instanceof String ciphertext) {
                        String fullKey = key.toString().contains(":") ? key.toString()
                                : ConfigKeys.qualified(key.toString());
                        ciphertexts.put(fullKey, ciphertext);
                    }
                });
            }
        }
        return ciphertexts;
    }
}
