package io.github.deletionguard.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the protobuf Struct the SDK sends to the engine into JSON, keeping keys as the SDK sends
 * them. Pulumi's special objects (secrets, resource references) are shown for what they are.
 */
final class StructJson {
    // Signature keys of Pulumi's wire format (sdk/go/common/resource/sig).
    private static final String SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";
    private static final String RESOURCE_REFERENCE_SIGNATURE = "5cf8f73096256a8f31e491e813e4eb8e";
    private static final String UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private StructJson() {
    }

    static JsonObject toJson(Struct struct) {
        JsonObject object = new JsonObject();
        // Sorted, so the JSON file is stable from run to run.
        new TreeMap<>(struct.getFieldsMap()).forEach((key, value) -> object.add(key, toJson(value)));
        return object;
    }

    private static JsonElement toJson(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> JsonNull.INSTANCE;
            case BOOL_VALUE -> new JsonPrimitive(value.getBoolValue());
            case NUMBER_VALUE -> number(value.getNumberValue());
            case STRING_VALUE -> value.getStringValue().equals(UNKNOWN_VALUE)
                    ? new JsonPrimitive("[unknown until deployed]")
                    : new JsonPrimitive(value.getStringValue());
            case LIST_VALUE -> {
                JsonArray array = new JsonArray();
                value.getListValue().getValuesList().forEach(item -> array.add(toJson(item)));
                yield array;
            }
            case STRUCT_VALUE -> special(value.getStructValue().getFieldsMap());
        };
    }

    private static JsonElement special(Map<String, Value> fields) {
        Value signature = fields.get(SIGNATURE_KEY);
        if (signature != null && signature.getStringValue().equals(SECRET_SIGNATURE)) {
            return new JsonPrimitive("[secret]");
        }
        if (signature != null && signature.getStringValue().equals(RESOURCE_REFERENCE_SIGNATURE)) {
            return new JsonPrimitive(fields.get("urn").getStringValue());
        }
        return toJson(Struct.newBuilder().putAllFields(fields).build());
    }

    /** Pulumi sends every number as a double; whole numbers are written without ".0". */
    private static JsonPrimitive number(double number) {
        if (number == Math.rint(number) && Math.abs(number) < 1e15) {
            return new JsonPrimitive((long) number);
        }
        return new JsonPrimitive(number);
    }
}
