package io.github.deletionguard.config;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A stack configuration as Pulumi hands it to the program (structured values as JSON text),
 * starting from a valid one that each test breaks in one place.
 */
final class RawConfig {
    private final Map<String, String> values = new HashMap<>();

    static RawConfig valid() {
        RawConfig config = new RawConfig();
        config.values.put("alarmMode", "any-deletion");
        config.values.put("regions", "[\"eu-central-1\",\"eu-west-1\"]");
        config.values.put("organization", """
                {"id":"o-abcdef1234","managementAccount":{"id":"111111111111","name":"management"},
                 "breakGlassRoles":["BreakGlassAdmin","/emergency/IncidentResponder"]}""");
        config.values.put("securityAccount", """
                {"id":"222222222222","name":"security","homeRegion":"eu-central-1",
                 "notificationEmails":["secops@example.com"]}""");
        config.values.put("accounts", """
                [{"id":"111111111111","name":"management",
                  "cloudTrailLogGroup":{"name":"aws-controltower/CloudTrailLogs","region":"eu-central-1"}},
                 {"id":"222222222222","name":"security"},
                 {"id":"033333333333","name":"workload","regions":["eu-west-1"]}]""");
        return config;
    }

    RawConfig set(String key, String value) {
        values.put(key, value);
        return this;
    }

    RawConfig remove(String key) {
        values.remove(key);
        return this;
    }

    /** Changes a structured value in place, e.g. {@code edit("accounts", a -> ...)}. */
    RawConfig edit(String key, Consumer<JsonElement> change) {
        JsonElement json = JsonParser.parseString(values.get(key));
        change.accept(json);
        values.put(key, new Gson().toJson(json));
        return this;
    }

    static JsonObject account(JsonElement accounts, int index) {
        return ((JsonArray) accounts).get(index).getAsJsonObject();
    }

    GuardConfig load() {
        return StackConfigLoader.load("test", key -> Optional.ofNullable(values.get(key)));
    }
}
