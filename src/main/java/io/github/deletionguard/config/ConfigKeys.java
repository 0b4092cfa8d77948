package io.github.deletionguard.config;

/**
 * The stack's config namespace: every key the program reads is {@code deletion-guard:<name>},
 * and every issue names its field by that full key, as {@code pulumi config set --path} spells it.
 */
public final class ConfigKeys {
    public static final String NAMESPACE = "deletion-guard";
    private static final String PREFIX = NAMESPACE + ":";

    private ConfigKeys() {
    }

    /** {@code alarmMode} becomes {@code deletion-guard:alarmMode}. */
    public static String qualified(String name) {
        return PREFIX + name;
    }

    public static boolean isInNamespace(String fullKey) {
        return fullKey.startsWith(PREFIX);
    }

    /** {@code deletion-guard:alarmMode} becomes {@code alarmMode}; a name without the namespace stays as it is. */
    public static String unqualified(String key) {
        return isInNamespace(key) ? key.substring(PREFIX.length()) : key;
    }

    /** The stack file an issue sends the user to. */
    public static String stackFile(String stackName) {
        return "Pulumi." + stackName + ".yaml";
    }
}
