package io.github.deletionguard.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code plan --diff <old.json>}: what a {@code pulumi up} of this plan would do to a stack
 * deployed from the old one. Resources are matched by URN, Pulumi's identity: a resource whose
 * type or parent changed has a new URN and is replaced (deleted and created), as is one whose
 * provider (account or region) or a replace-on-change input ({@link ReplaceOnChange}) changed.
 * Other input changes are in place; JSON documents among them are diffed by path.
 */
final class PlanDiff {
    private enum Kind {
        ADDED("Added", "+"), REMOVED("Removed", "-"), REPLACED("Replaced (deleted and created anew)", "±"), CHANGED("Changed in place", "~");

        final String heading;
        final String sign;

        Kind(String heading, String sign) {
            this.heading = heading;
            this.sign = sign;
        }
    }

    private record Entry(Kind kind, JsonObject resource, List<String> details) {
    }

    private PlanDiff() {
    }

    static String render(JsonObject before, JsonObject after) {
        Map<String, JsonObject> beforeByUrn = byUrn(before);
        Map<String, JsonObject> afterByUrn = byUrn(after);
        Map<String, String> accountNames = accountNames(before);
        accountNames.putAll(accountNames(after));
        List<Entry> entries = new ArrayList<>();
        Map<String, JsonObject> removedByName = new LinkedHashMap<>();
        beforeByUrn.forEach((urn, resource) -> {
            if (!afterByUrn.containsKey(urn)) {
                removedByName.put(text(resource, "name"), resource);
            }
        });
        afterByUrn.forEach((urn, resource) -> {
            JsonObject old = beforeByUrn.get(urn);
            if (old == null) {
                JsonObject sameName = removedByName.remove(text(resource, "name"));
                if (sameName == null) {
                    entries.add(new Entry(Kind.ADDED, resource, List.of()));
                } else {
                    entries.add(new Entry(Kind.REPLACED, resource, identityChange(sameName, resource)));
                }
            } else {
                compare(old, resource).ifPresent(entries::add);
            }
        });
        removedByName.values().forEach(resource -> entries.add(new Entry(Kind.REMOVED, resource, List.of())));

        StringBuilder text = new StringBuilder("deletion-guard plan diff for stack '").append(text(after, "stack")).append("': ");
        List<String> counts = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            counts.add(entries.stream().filter(entry -> entry.kind() == kind).count() + " " + kind.name().toLowerCase());
        }
        text.append(String.join(", ", counts)).append('\n');
        if (entries.isEmpty()) {
            text.append("No changes.\n");
        }
        for (Kind kind : Kind.values()) {
            List<Entry> ofKind = entries.stream().filter(entry -> entry.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            text.append('\n').append(kind.heading).append(" (").append(ofKind.size()).append("):\n");
            for (Entry entry : ofKind) {
                text.append("  ").append(kind.sign).append(' ').append(text(entry.resource(), "type")).append("  ")
                        .append(text(entry.resource(), "name")).append(place(entry.resource(), accountNames)).append('\n');
                entry.details().forEach(detail -> text.append("      ").append(detail).append('\n'));
            }
        }
        outputs(text, before, after);
        return text.toString();
    }

    private static Optional<Entry> compare(JsonObject before, JsonObject after) {
        List<String> details = new ArrayList<>();
        boolean replaced = false;
        if (!before.get("provider").equals(after.get("provider"))) {
            details.add("provider: " + before.get("provider") + " -> " + after.get("provider") + " (another account or region: replaces)");
            replaced = true;
        }
        JsonObject beforeInputs = before.getAsJsonObject("inputs");
        JsonObject afterInputs = after.getAsJsonObject("inputs");
        Set<String> changedInputs = new TreeSet<>();
        Set<String> keys = new TreeSet<>(beforeInputs.keySet());
        keys.addAll(afterInputs.keySet());
        for (String key : keys) {
            JsonElement old = beforeInputs.has(key) ? beforeInputs.get(key) : JsonNull.INSTANCE;
            JsonElement now = afterInputs.has(key) ? afterInputs.get(key) : JsonNull.INSTANCE;
            if (!old.equals(now)) {
                changedInputs.add(key);
                JsonDiff.changes(key, old, now).forEach(change -> details.add(change.describe()));
            }
        }
        Set<String> replacing = ReplaceOnChange.replacing(text(after, "type"), changedInputs);
        if (!replacing.isEmpty()) {
            details.add(0, "replace-on-change inputs changed: " + String.join(", ", replacing));
            replaced = true;
        }
        JsonDiff.changes("options", before.get("options"), after.get("options")).forEach(change -> details.add(change.describe()));
        if (details.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Entry(replaced ? Kind.REPLACED : Kind.CHANGED, after, details));
    }

    /** Same logical name, another URN: the type or the parent changed, and with it the identity. */
    private static List<String> identityChange(JsonObject before, JsonObject after) {
        List<String> details = new ArrayList<>();
        if (!before.get("type").equals(after.get("type"))) {
            details.add("type: " + before.get("type") + " -> " + after.get("type"));
        }
        if (!before.get("parent").equals(after.get("parent"))) {
            details.add("parent: " + before.get("parent") + " -> " + after.get("parent"));
        }
        details.add("the URN changed: without an alias Pulumi deletes " + text(before, "urn"));
        return details;
    }

    private static void outputs(StringBuilder text, JsonObject before, JsonObject after) {
        List<JsonDiff.Change> changes = JsonDiff.changes("", before.has("outputs") ? before.get("outputs") : new JsonObject(),
                after.get("outputs"));
        if (!changes.isEmpty()) {
            text.append("\nStack outputs (").append(changes.size()).append(" changes):\n");
            changes.forEach(change -> text.append("  ").append(change.describe()).append('\n'));
        }
    }

    private static Map<String, JsonObject> byUrn(JsonObject plan) {
        Map<String, JsonObject> byUrn = new LinkedHashMap<>();
        plan.getAsJsonArray("resources").forEach(resource -> byUrn.put(text(resource.getAsJsonObject(), "urn"), resource.getAsJsonObject()));
        return byUrn;
    }

    /** Account ids to names, from the providers ({@code aws-<name>-<region>}) the plan lists. */
    private static Map<String, String> accountNames(JsonObject plan) {
        Map<String, String> names = new LinkedHashMap<>();
        plan.getAsJsonArray("resources").forEach(element -> {
            JsonObject resource = element.getAsJsonObject();
            if (text(resource, "type").equals(PlannedResource.AWS_PROVIDER_TYPE)) {
                PlannedResource.ProviderTarget target = ProviderInputs.target(resource.getAsJsonObject("inputs"));
                names.put(target.account(), ProviderInputs.accountName(text(resource, "name"), target.region()));
            }
        });
        return names;
    }

    private static String place(JsonObject resource, Map<String, String> accountNames) {
        if (!resource.get("provider").isJsonObject()) {
            return "";
        }
        JsonObject provider = resource.getAsJsonObject("provider");
        String account = text(provider, "account");
        return "  (" + accountNames.getOrDefault(account, account) + " " + text(provider, "region") + ")";
    }

    private static String text(JsonObject object, String key) {
        return object.has(key) && object.get(key).isJsonPrimitive() ? object.get(key).getAsString() : "";
    }
}
