package io.github.deletionguard.documents;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;

/**
 * The parameters of an Automation execution as an EventBridge target's input (its constant input
 * or input transformer template): StartAutomationExecution takes every parameter, whatever its
 * declared type, as a list of strings. Parameters keep the order they are put in.
 */
public final class AutomationInput {
    private final JsonObject parameters = new JsonObject();

    public AutomationInput put(String name, String value) {
        return put(name, List.of(value));
    }

    public AutomationInput put(String name, List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        parameters.add(name, array);
        return this;
    }

    /** As the target takes it: minified JSON. */
    public String render() {
        return PolicyTemplate.minify(parameters);
    }
}
