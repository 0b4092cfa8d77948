package io.github.deletionguard.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies an EventBridge input transformer to an event as the EventBridge guide describes it:
 * each variable takes the value at its JSON path (dot notation, which is all the program uses),
 * a string value goes into the template unescaped, and a path the event lacks leaves its
 * variable empty.
 */
public final class InputTransformer {
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_.-]+)>");

    private InputTransformer() {
    }

    /** The text the target receives. */
    public static String apply(Map<String, String> inputPaths, String inputTemplate, JsonObject event) {
        Matcher placeholder = PLACEHOLDER.matcher(inputTemplate);
        StringBuilder output = new StringBuilder();
        while (placeholder.find()) {
            String name = placeholder.group(1);
            if (!inputPaths.containsKey(name)) {
                throw new IllegalArgumentException("the template uses <" + name + ">, which has no input path");
            }
            JsonElement value = valueAt(event, inputPaths.get(name));
            String text = value == null || value.isJsonNull() ? ""
                    : value.isJsonPrimitive() ? value.getAsString() : value.toString();
            placeholder.appendReplacement(output, Matcher.quoteReplacement(text));
        }
        placeholder.appendTail(output);
        return output.toString();
    }

    /** For a template that is a JSON string: the message as a person reads it. */
    public static String message(Map<String, String> inputPaths, String inputTemplate, JsonObject event) {
        return JsonParser.parseString(apply(inputPaths, inputTemplate, event)).getAsString();
    }

    private static JsonElement valueAt(JsonObject event, String path) {
        if (!path.startsWith("$.")) {
            throw new IllegalArgumentException("not a JSON path: " + path);
        }
        JsonElement current = event;
        for (String name : path.substring(2).split("\\.")) {
            if (current == null || !current.isJsonObject()) {
                return null;
            }
            current = current.getAsJsonObject().get(name);
        }
        return current;
    }
}
