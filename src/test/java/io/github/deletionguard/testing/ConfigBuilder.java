package io.github.deletionguard.testing;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.ConfigIssue;
import io.github.deletionguard.config.ConfigKeys;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.InvalidConfigException;
import io.github.deletionguard.config.LoadedConfig;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.config.read.StackConfigLoader;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.StackFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The one way tests build a stack config: as the Pulumi CLI hands it to the program (full keys,
 * structured values as JSON text), starting from the sample organization or a repository stack
 * file, changed just where a test is about, and loaded by the real loader, so every model a test
 * deploys has passed validation.
 */
public final class ConfigBuilder {
    public static final String MANAGEMENT_ID = "111111111111";
    public static final String SECURITY_ID = "222222222222";
    public static final String WORKLOAD_ID = "333333333333";
    public static final String ORGANIZATION_ID = "o-abcdef1234";
    private static final Gson GSON = new Gson();

    private final String stack;
    private final Map<String, String> values;
    private final Set<String> secretKeys = new HashSet<>();
    private Clock clock = TestClock.CLOCK;

    private ConfigBuilder(String stack, Map<String, String> values) {
        this.stack = stack;
        this.values = new LinkedHashMap<>(values);
    }

    /**
     * A small organization in any-deletion mode without remediation: the management account with
     * the organization trail's log group, the security account and one workload, in two regions.
     */
    public static ConfigBuilder sample() {
        return new ConfigBuilder("test", Map.of())
                .set("alarmMode", AlarmMode.ANY_DELETION.configValue())
                .set("regions", "[\"eu-central-1\",\"eu-west-1\"]")
                .set("organization", """
                        {"id":"%s","managementAccount":{"id":"%s","name":"management"},
                         "breakGlassRoles":["BreakGlassAdmin","/emergency/IncidentResponder"]}"""
                        .formatted(ORGANIZATION_ID, MANAGEMENT_ID))
                .set("securityAccount", """
                        {"id":"%s","name":"security","homeRegion":"eu-central-1",
                         "notificationEmails":["secops@example.com"]}""".formatted(SECURITY_ID))
                .set("accounts", """
                        [{"id":"%s","name":"management",
                          "cloudTrailLogGroup":{"name":"aws-controltower/CloudTrailLogs","region":"eu-central-1"}},
                         {"id":"%s","name":"security"},
                         {"id":"%s","name":"workload"}]""".formatted(MANAGEMENT_ID, SECURITY_ID, WORKLOAD_ID));
    }

    /** A stack file of the repository ({@code Pulumi.<stack>.yaml}), read as {@code plan} reads it. */
    public static ConfigBuilder stackFile(String stack) {
        try {
            StackFile file = StackFile.read(Path.of(""), stack);
            ConfigBuilder builder = new ConfigBuilder(stack, file.config());
            builder.secretKeys.addAll(file.secretKeys());
            return builder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ConfigBuilder alarmMode(AlarmMode mode) {
        return set("alarmMode", mode.configValue());
    }

    public ConfigBuilder remediation(RemediationSettings settings) {
        return set("remediation", "{\"cancelKeyDeletion\":" + settings.cancelKeyDeletion()
                + ",\"restoreSecret\":" + settings.restoreSecret() + "}");
    }

    /** Sets a key to its raw value; a name without namespace is one of {@code deletion-guard}. */
    public ConfigBuilder set(String key, String raw) {
        values.put(fullKey(key), raw);
        return this;
    }

    /** Sets a key as {@code pulumi config set --secret} does. */
    public ConfigBuilder setSecret(String key, String value) {
        secretKeys.add(fullKey(key));
        return set(key, value);
    }

    public ConfigBuilder remove(String key) {
        values.remove(fullKey(key));
        return this;
    }

    /** Changes a structured value in place, e.g. {@code edit("accounts", a -> account(a, 2).addProperty(...))}. */
    public ConfigBuilder edit(String key, Consumer<JsonElement> change) {
        JsonElement json = JsonParser.parseString(values.get(fullKey(key)));
        change.accept(json);
        return set(key, GSON.toJson(json));
    }

    /** The entry at {@code index} of a structured list, for {@link #edit}. */
    public static JsonObject entry(JsonElement list, int index) {
        return ((JsonArray) list).get(index).getAsJsonObject();
    }

    /** Judges approval dates on {@code day} instead of {@link TestClock#TODAY}. */
    public ConfigBuilder on(LocalDate day) {
        clock = TestClock.on(day);
        return this;
    }

    /** Loaded and validated as {@code App.stack} does, with the warnings. */
    public LoadedConfig loaded() {
        return StackConfigLoader.load(stack, values, clock);
    }

    public GuardConfig load() {
        return loaded().config();
    }

    /** Asserts that loading fails and returns the error that lists every issue. */
    public InvalidConfigException rejected() {
        return assertThrows(InvalidConfigException.class, this::loaded);
    }

    public List<ConfigIssue> issues() {
        return rejected().issues();
    }

    /** Runs {@code App.stack} on this config under the mock engine; errors are returned, not thrown. */
    public OfflineEngine.Run run() {
        return Deployments.withConfig(stack, values, secretKeys, clock);
    }

    private static String fullKey(String key) {
        return key.contains(":") ? key : ConfigKeys.qualified(key);
    }
}
