package io.github.deletionguard.patterns;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.deletionguard.awsapi.AwsService;
import io.github.deletionguard.awsapi.EventField;
import io.github.deletionguard.awsapi.ServiceEvent;
import io.github.deletionguard.documents.PolicyTemplate;

import java.util.List;

/**
 * An EventBridge event pattern built from typed values, so every pattern the program deploys is
 * a JSON tree, never assembled text. Immutable: each method returns a new pattern.
 *
 * <p>Only operators the EventBridge guide lists as supported on event buses are offered: exact
 * values, {@code prefix}, {@code suffix}, {@code exists}, {@code anything-but} with a list of exact values, and {@code $or}.
 */
public final class EventPattern {
    private static final String OR = "$or";

    private final JsonObject json;

    private EventPattern(JsonObject json) {
        this.json = json;
    }

    public static EventPattern empty() {
        return new EventPattern(new JsonObject());
    }

    /** An API call a service reports through CloudTrail, e.g. {@code apiCall(AwsService.KMS)}. */
    public static EventPattern apiCall(AwsService service) {
        return empty().with(EventField.SOURCE, Match.equalTo(service.eventBridgeSource()))
                .with(EventField.DETAIL_TYPE, Match.equalTo(ServiceEvent.API_CALL_VIA_CLOUDTRAIL));
    }

    /** An event a service sends itself, e.g. an alarm's state change. */
    public static EventPattern serviceEvent(ServiceEvent event) {
        return empty().with(EventField.SOURCE, Match.equalTo(event.source()))
                .with(EventField.DETAIL_TYPE, Match.equalTo(event.detailType()));
    }

    public EventPattern with(EventField field, Match... alternatives) {
        return with(field.inPattern(), alternatives);
    }

    /** Matches when any branch matches ({@code $or}); each branch is a pattern of the whole event. */
    public static EventPattern anyOf(List<EventPattern> branches) {
        return empty().withAnyOf("", branches);
    }

    /**
     * Adds a field that must match one of the alternatives.
     *
     * @param path field names from the event's root, joined by dots, e.g. {@code detail.errorCode}
     */
    public EventPattern with(String path, Match... alternatives) {
        if (alternatives.length == 0) {
            throw new IllegalArgumentException(path + ": a field needs at least one value to match");
        }
        JsonArray values = new JsonArray();
        for (Match alternative : alternatives) {
            values.add(alternative.toJson());
        }
        JsonObject copy = json.deepCopy();
        String[] names = path.split("\\.");
        JsonObject parent = objectAt(copy, names, names.length - 1);
        if (parent.has(names[names.length - 1])) {
            throw new IllegalArgumentException(path + " is already part of the pattern");
        }
        parent.add(names[names.length - 1], values);
        return new EventPattern(copy);
    }

    /**
     * Adds an {@code $or} inside the object at {@code objectPath} ("" for the root): at least one
     * branch, read relative to that object, must match.
     */
    public EventPattern withAnyOf(String objectPath, List<EventPattern> branches) {
        if (branches.size() < 2) {
            // EventBridge reads "$or" as an ordinary field name unless it has two or more branches.
            throw new IllegalArgumentException(objectPath + ": $or needs at least two branches");
        }
        JsonArray array = new JsonArray();
        branches.forEach(branch -> array.add(branch.toJson()));
        JsonObject copy = json.deepCopy();
        String[] names = objectPath.isEmpty() ? new String[0] : objectPath.split("\\.");
        JsonObject target = objectAt(copy, names, names.length);
        if (target.has(OR)) {
            throw new IllegalArgumentException(objectPath + " already has an $or");
        }
        target.add(OR, array);
        return new EventPattern(copy);
    }

    public JsonObject toJson() {
        return json.deepCopy();
    }

    /** The pattern as EventBridge receives it in {@code EventPattern}. */
    public String render() {
        return PolicyTemplate.minify(json);
    }

    private static JsonObject objectAt(JsonObject root, String[] names, int depth) {
        JsonObject current = root;
        for (int i = 0; i < depth; i++) {
            JsonElement child = current.get(names[i]);
            if (child == null) {
                JsonObject created = new JsonObject();
                current.add(names[i], created);
                current = created;
            } else if (child.isJsonObject()) {
                current = child.getAsJsonObject();
            } else {
                throw new IllegalArgumentException(names[i] + " is already a matched field, not an object");
            }
        }
        return current;
    }

    /** One value a field may match. */
    public sealed interface Match {
        JsonElement toJson();

        static Match equalTo(String value) {
            return new Exactly(new JsonPrimitive(value));
        }

        static Match equalTo(boolean value) {
            return new Exactly(new JsonPrimitive(value));
        }

        static Match prefix(String value) {
            return new Operator("prefix", new JsonPrimitive(value));
        }

        static Match suffix(String value) {
            return new Operator("suffix", new JsonPrimitive(value));
        }

        /** The field is present ({@code true}) or absent ({@code false}); only leaf fields. */
        static Match exists(boolean present) {
            return new Operator("exists", new JsonPrimitive(present));
        }

        /**
         * Any value other than these exact strings: {@code anything-but} with a list, as the
         * EventBridge guide documents it. Like every anything-but, it does not match a field
         * that is absent.
         */
        static Match noneOf(List<String> values) {
            JsonArray array = new JsonArray();
            values.forEach(array::add);
            return new Operator("anything-but", array);
        }
    }

    private record Exactly(JsonPrimitive value) implements Match {
        @Override
        public JsonElement toJson() {
            return value.deepCopy();
        }
    }

    private record Operator(String name, JsonElement operand) implements Match {
        @Override
        public JsonElement toJson() {
            JsonObject object = new JsonObject();
            object.add(name, operand.deepCopy());
            return object;
        }
    }
}
