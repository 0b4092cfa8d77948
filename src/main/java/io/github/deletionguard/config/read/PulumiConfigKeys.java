package io.github.deletionguard.config.read;

import com.google.gson.JsonParser;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The config keys a {@code pulumi up} passes to the program. Pulumi's {@code Config} reads one
 * key at a time and cannot list them, but the language host hands the whole stack config to the
 * program as a JSON object in {@code PULUMI_CONFIG}, which the SDK parses the same way
 * ({@code DeploymentImpl.Config}).
 */
public final class PulumiConfigKeys {
    static final String ENVIRONMENT_VARIABLE = "PULUMI_CONFIG";

    private PulumiConfigKeys() {
    }

    public static Set<String> fromEnvironment() {
        return Optional.ofNullable(System.getenv(ENVIRONMENT_VARIABLE)).map(PulumiConfigKeys::parse).orElse(Set.of());
    }

    /** The keys of the JSON object; an older CLI's {@code project:config:key} form means {@code project:key}. */
    static Set<String> parse(String json) {
        return JsonParser.parseString(json).getAsJsonObject().keySet().stream()
                .map(PulumiConfigKeys::withoutConfigSegment)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String withoutConfigSegment(String key) {
        int colon = key.indexOf(':');
        if (colon > 0 && key.startsWith("config:", colon + 1)) {
            return key.substring(0, colon) + ":" + key.substring(colon + 1 + "config:".length());
        }
        return key;
    }
}
