package io.github.deletionguard.baseline;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.pulumi.aws.cloudformation.StackSet;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.Deployments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the StackSets of a run deploy in one account and region, read from the template bodies
 * the run registers: {@code Fn::Sub} evaluated as CloudFormation does for the stack in that
 * account and region, and each resource's properties written in the provider engine's input
 * names, so tests of the provider engine's documents run on the StackSets' unchanged.
 */
public final class StackSetBaseline {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");

    private StackSetBaseline() {
    }

    /** The template body of the run's StackSet with this physical name. */
    public static String templateBody(OfflineEngine.Run run, String stackSetName) {
        return Deployments.ofType(run, StackSet.class).stream().filter(set -> stackSetName.equals(set.input("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no StackSet " + stackSetName)).input("templateBody");
    }

    /** The template's resources with every {@code Fn::Sub} resolved for one stack, by logical id. */
    public static Map<String, JsonObject> resolved(String templateBody, String accountId, String region) {
        JsonObject resources = JsonParser.parseString(templateBody).getAsJsonObject().getAsJsonObject("Resources");
        Map<String, JsonObject> resolved = new LinkedHashMap<>();
        resources.entrySet().forEach(entry ->
                resolved.put(entry.getKey(), resolve(entry.getValue(), accountId, region).getAsJsonObject()));
        return resolved;
    }

    /** The IAM roles of the global template in one account, by role name, as Pulumi's Role inputs name them. */
    public static Map<String, JsonObject> roles(String globalTemplate, String accountId) {
        Map<String, JsonObject> roles = new LinkedHashMap<>();
        ofType(resolved(globalTemplate, accountId, BaselineTemplates.GLOBAL_REGION), "AWS::IAM::Role").forEach(properties -> {
            JsonObject role = new JsonObject();
            role.addProperty("name", properties.get("RoleName").getAsString());
            role.addProperty("description", properties.get("Description").getAsString());
            role.addProperty("assumeRolePolicy", properties.get("AssumeRolePolicyDocument").getAsString());
            JsonArray inline = new JsonArray();
            properties.getAsJsonArray("Policies").forEach(policy -> {
                JsonObject converted = new JsonObject();
                converted.addProperty("name", policy.getAsJsonObject().get("PolicyName").getAsString());
                converted.addProperty("policy", policy.getAsJsonObject().get("PolicyDocument").getAsString());
                inline.add(converted);
            });
            role.add("inlinePolicies", inline);
            roles.put(role.get("name").getAsString(), role);
        });
        return roles;
    }

    /** The properties of every resource of one CloudFormation type. */
    public static List<JsonObject> ofType(Map<String, JsonObject> resources, String type) {
        return resources.values().stream().filter(resource -> type.equals(resource.get("Type").getAsString()))
                .map(resource -> resource.getAsJsonObject("Properties")).toList();
    }

    private static JsonElement resolve(JsonElement element, String accountId, String region) {
        if (element.isJsonArray()) {
            JsonArray array = new JsonArray();
            element.getAsJsonArray().forEach(item -> array.add(resolve(item, accountId, region)));
            return array;
        }
        if (!element.isJsonObject()) {
            return element;
        }
        JsonObject object = element.getAsJsonObject();
        if (object.size() == 1 && object.has("Fn::Sub")) {
            return new JsonPrimitive(substitute(object.get("Fn::Sub").getAsString(), accountId, region));
        }
        JsonObject copy = new JsonObject();
        object.entrySet().forEach(entry -> copy.add(entry.getKey(), resolve(entry.getValue(), accountId, region)));
        return copy;
    }

    /** Fn::Sub with the pseudo parameters only: {@code ${!x}} is the literal {@code ${x}}; any other variable is an error. */
    private static String substitute(String text, String accountId, String region) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            String replacement;
            if (!variable.group(1).isEmpty()) {
                replacement = "${" + variable.group(2) + "}";
            } else if (variable.group(2).equals("AWS::AccountId")) {
                replacement = accountId;
            } else if (variable.group(2).equals("AWS::Region")) {
                replacement = region;
            } else {
                throw new AssertionError("Fn::Sub names " + variable.group() + ", which the stack has no value for: " + text);
            }
            variable.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        variable.appendTail(out);
        return out.toString();
    }
}
