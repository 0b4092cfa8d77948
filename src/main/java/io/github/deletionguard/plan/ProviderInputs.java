package io.github.deletionguard.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.List;
import java.util.Map;

/**
 * Reads an AWS provider's target from its registered inputs. The SDK sends provider inputs that
 * are lists or objects as JSON text, so both forms are accepted.
 */
final class ProviderInputs {
    private ProviderInputs() {
    }

    static PlannedResource.ProviderTarget target(Map<String, Object> inputs) {
        return new PlannedResource.ProviderTarget(firstAccount(inputs.get("allowedAccountIds")),
                String.valueOf(inputs.get("region")));
    }

    static PlannedResource.ProviderTarget target(JsonObject inputs) {
        JsonElement accounts = inputs.get("allowedAccountIds");
        return new PlannedResource.ProviderTarget(
                firstAccount(accounts == null ? null : accounts.isJsonPrimitive() ? accounts.getAsString() : accounts.toString()),
                inputs.has("region") ? inputs.get("region").getAsString() : "");
    }

    /** The account's configured name, from its provider's logical name {@code aws-<name>-<region>}. */
    static String accountName(String providerName, String region) {
        String name = providerName.startsWith("aws-") ? providerName.substring(4) : providerName;
        return name.endsWith("-" + region) ? name.substring(0, name.length() - region.length() - 1) : name;
    }

    private static String firstAccount(Object allowedAccountIds) {
        if (allowedAccountIds instanceof List<?> list && !list.isEmpty()) {
            return String.valueOf(list.get(0));
        }
        if (allowedAccountIds instanceof String text && text.startsWith("[")) {
            JsonArray array = JsonParser.parseString(text).getAsJsonArray();
            return array.isEmpty() ? "" : array.get(0).getAsString();
        }
        return allowedAccountIds == null ? "" : allowedAccountIds.toString();
    }
}
