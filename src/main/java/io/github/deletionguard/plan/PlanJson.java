package io.github.deletionguard.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * The {@code plan --json} document, read by tooling: keep its shape stable, and its bytes stable
 * from run to run. One object with {@code schemaVersion}, {@code stack}, {@code resources}
 * (construction order) and {@code outputs} (sorted by name). A change that could break a reader
 * (a field removed, renamed or changing meaning) raises {@link #SCHEMA_VERSION}; an added field
 * does not.
 */
public final class PlanJson {
    public static final int SCHEMA_VERSION = 1;
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    private PlanJson() {
    }

    public static String render(OfflineEngine.Run run) {
        JsonObject document = new JsonObject();
        document.addProperty("schemaVersion", SCHEMA_VERSION);
        document.addProperty("stack", run.stack());
        JsonArray resources = new JsonArray();
        run.resources().forEach(resource -> resources.add(resource(resource)));
        document.add("resources", resources);
        document.add("outputs", OfflineEngine.toJson(run.outputs()));
        return PRETTY.toJson(document) + "\n";
    }

    private static JsonObject resource(PlannedResource resource) {
        JsonObject json = new JsonObject();
        json.addProperty("type", resource.type());
        json.addProperty("name", resource.name());
        json.addProperty("urn", resource.urn());
        json.add("parent", resource.parent().<com.google.gson.JsonElement>map(com.google.gson.JsonPrimitive::new).orElse(JsonNull.INSTANCE));
        json.add("provider", resource.provider().<com.google.gson.JsonElement>map(target -> {
            JsonObject provider = new JsonObject();
            provider.addProperty("account", target.account());
            provider.addProperty("region", target.region());
            return provider;
        }).orElse(JsonNull.INSTANCE));
        JsonObject options = new JsonObject();
        options.addProperty("protect", resource.protect());
        options.addProperty("retainOnDelete", resource.retainOnDelete());
        JsonArray dependsOn = new JsonArray();
        resource.dependsOn().forEach(dependsOn::add);
        options.add("dependsOn", dependsOn);
        json.add("options", options);
        json.add("inputs", resource.inputs());
        return json;
    }
}
