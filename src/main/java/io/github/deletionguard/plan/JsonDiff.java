package io.github.deletionguard.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A structural diff of two JSON values, keyed by path, so that a reviewer sees that one ARN joined
 * a policy's condition instead of two 3,000-character strings that differ somewhere. Strings that
 * hold a JSON document (policies and event patterns arrive JSON-encoded) are diffed as documents.
 * Lists of scalars are compared as sets (AWS reads a policy's or pattern's value list as a set);
 * lists of objects that all carry a {@code Sid} are matched by it; other lists by position.
 */
final class JsonDiff {
    /** One difference: where, and the value before and after (empty when absent). */
    record Change(String path, Optional<JsonElement> before, Optional<JsonElement> after) {
        String describe() {
            if (before.isEmpty()) {
                return path + ": + " + after.get();
            }
            if (after.isEmpty()) {
                return path + ": - " + before.get();
            }
            return path + ": " + before.get() + " -> " + after.get();
        }
    }

    private JsonDiff() {
    }

    static List<Change> changes(String path, JsonElement before, JsonElement after) {
        List<Change> changes = new ArrayList<>();
        diff(path, before, after, changes);
        return changes;
    }

    private static void diff(String path, JsonElement before, JsonElement after, List<Change> changes) {
        if (before.equals(after)) {
            return;
        }
        Optional<JsonElement> beforeDocument = document(before);
        Optional<JsonElement> afterDocument = document(after);
        if (beforeDocument.isPresent() && afterDocument.isPresent()) {
            diff(path, beforeDocument.get(), afterDocument.get(), changes);
        } else if (before.isJsonObject() && after.isJsonObject()) {
            diffObjects(path, before.getAsJsonObject(), after.getAsJsonObject(), changes);
        } else if (before.isJsonArray() && after.isJsonArray()) {
            diffArrays(path, before.getAsJsonArray(), after.getAsJsonArray(), changes);
        } else {
            changes.add(new Change(path, Optional.of(before), Optional.of(after)));
        }
    }

    private static void diffObjects(String path, JsonObject before, JsonObject after, List<Change> changes) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            String at = path.isEmpty() ? key : path + "." + key;
            if (!after.has(key)) {
                changes.add(new Change(at, Optional.of(before.get(key)), Optional.empty()));
            } else if (!before.has(key)) {
                changes.add(new Change(at, Optional.empty(), Optional.of(after.get(key))));
            } else {
                diff(at, before.get(key), after.get(key), changes);
            }
        }
    }

    private static void diffArrays(String path, JsonArray before, JsonArray after, List<Change> changes) {
        if (allScalars(before) && allScalars(after)) {
            before.asList().stream().filter(item -> !after.contains(item))
                    .forEach(item -> changes.add(new Change(path + "[]", Optional.of(item), Optional.empty())));
            after.asList().stream().filter(item -> !before.contains(item))
                    .forEach(item -> changes.add(new Change(path + "[]", Optional.empty(), Optional.of(item))));
            return;
        }
        Optional<Map<String, JsonElement>> beforeBySid = bySid(before);
        Optional<Map<String, JsonElement>> afterBySid = bySid(after);
        if (beforeBySid.isPresent() && afterBySid.isPresent()) {
            JsonObject beforeObject = new JsonObject();
            JsonObject afterObject = new JsonObject();
            beforeBySid.get().forEach(beforeObject::add);
            afterBySid.get().forEach(afterObject::add);
            // Statement[Sid=X] reads as the statement a reviewer looks up in the reviewed file.
            List<Change> bySid = new ArrayList<>();
            diffObjects("", beforeObject, afterObject, bySid);
            bySid.forEach(change -> changes.add(new Change(path + "[Sid=" + sidOf(change.path()) + "]" + rest(change.path()),
                    change.before(), change.after())));
            return;
        }
        int common = Math.min(before.size(), after.size());
        for (int i = 0; i < common; i++) {
            diff(path + "[" + i + "]", before.get(i), after.get(i), changes);
        }
        for (int i = common; i < before.size(); i++) {
            changes.add(new Change(path + "[" + i + "]", Optional.of(before.get(i)), Optional.empty()));
        }
        for (int i = common; i < after.size(); i++) {
            changes.add(new Change(path + "[" + i + "]", Optional.empty(), Optional.of(after.get(i))));
        }
    }

    private static String sidOf(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    private static String rest(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? "" : path.substring(dot);
    }

    private static Optional<Map<String, JsonElement>> bySid(JsonArray array) {
        Map<String, JsonElement> bySid = new LinkedHashMap<>();
        for (JsonElement item : array) {
            if (!item.isJsonObject() || !item.getAsJsonObject().has("Sid") || !item.getAsJsonObject().get("Sid").isJsonPrimitive()
                    || item.getAsJsonObject().get("Sid").getAsString().contains(".")
                    || bySid.put(item.getAsJsonObject().get("Sid").getAsString(), item) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(bySid);
    }

    private static boolean allScalars(JsonArray array) {
        return array.asList().stream().allMatch(item -> item.isJsonPrimitive() || item.isJsonNull());
    }

    /** A string that holds a JSON object or list, as the SDK sends policies and patterns. */
    private static Optional<JsonElement> document(JsonElement value) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            return Optional.empty();
        }
        String text = value.getAsString().strip();
        if (!(text.startsWith("{") || text.startsWith("["))) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonParser.parseString(text));
        } catch (JsonParseException e) {
            return Optional.empty();
        }
    }
}
