package io.github.deletionguard.documents;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reviewed policy document from {@code policy/} with placeholders: a JSON string that is
 * exactly {@code "{{name}}"} stands for a value the program fills in. Filling works on the parsed
 * tree (a placeholder becomes a string or a list), so no document is ever assembled as text.
 */
public final class PolicyTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");
    // AWS stores the document as it is sent; HTML escaping would turn '=' and '<' into \\u003d.
    private static final Gson MINIFIED = new GsonBuilder().disableHtmlEscaping().create();

    private final String source;
    private final JsonObject document;
    private final Set<String> placeholders;

    private PolicyTemplate(String source, JsonObject document) {
        this.source = source;
        this.document = document;
        this.placeholders = new TreeSet<>();
        collectPlaceholders(document);
    }

    public static PolicyTemplate load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidPolicyException(file + ": file not found. Run the program from the project root,"
                    + " where the policy/ folder is.");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read", e);
        }
        return parse(file.toString(), text);
    }

    /** Parses strictly, so a trailing comma or comment in a reviewed file is an error, not a guess. */
    public static PolicyTemplate parse(String source, String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setLenient(false);
            JsonElement parsed = MINIFIED.getAdapter(JsonElement.class).read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new InvalidPolicyException(source + ": unexpected text after the document" + position(reader));
            }
            if (!parsed.isJsonObject()) {
                throw new InvalidPolicyException(source + ": a policy document must be a JSON object.");
            }
            return new PolicyTemplate(source, parsed.getAsJsonObject());
        } catch (MalformedJsonException e) {
            throw new InvalidPolicyException(source + ": not valid JSON: " + e.getMessage());
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw new InvalidPolicyException(source + ": not valid JSON: " + rootMessage(e));
        }
    }

    public String source() {
        return source;
    }

    /**
     * The document with every placeholder replaced, minified as AWS receives it. Values are
     * strings or collections of strings; every placeholder must be given and nothing else.
     */
    public String render(Map<String, ?> values) {
        return MINIFIED.toJson(fill(values));
    }

    /** Any JSON document minified as AWS receives it, with the same rules as {@link #render}. */
    public static String minify(JsonElement document) {
        return MINIFIED.toJson(document);
    }

    public JsonObject fill(Map<String, ?> values) {
        Set<String> missing = new TreeSet<>(placeholders);
        missing.removeAll(values.keySet());
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(placeholders);
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException(source + ": placeholders not filled " + missing
                    + ", values without a placeholder " + unknown);
        }
        return replace(document, values).getAsJsonObject();
    }

    private static JsonElement replace(JsonElement element, Map<String, ?> values) {
        if (element.isJsonObject()) {
            JsonObject copy = new JsonObject();
            element.getAsJsonObject().entrySet().forEach(entry -> copy.add(entry.getKey(), replace(entry.getValue(), values)));
            return copy;
        }
        if (element.isJsonArray()) {
            JsonArray copy = new JsonArray();
            element.getAsJsonArray().forEach(item -> copy.add(replace(item, values)));
            return copy;
        }
        if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
            Matcher placeholder = PLACEHOLDER.matcher(element.getAsString());
            if (placeholder.matches()) {
                return toJson(values.get(placeholder.group(1)));
            }
        }
        return element.deepCopy();
    }

    private static JsonElement toJson(Object value) {
        if (value instanceof String text) {
            return new JsonPrimitive(text);
        }
        if (value instanceof Collection<?> items) {
            JsonArray array = new JsonArray();
            items.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof JsonElement json) {
            return json.deepCopy();
        }
        throw new IllegalArgumentException("a placeholder takes a string or a list, not " + value);
    }

    private void collectPlaceholders(JsonElement element) {
        if (element.isJsonObject()) {
            element.getAsJsonObject().entrySet().forEach(entry -> {
                if (entry.getKey().contains("{{")) {
                    throw new InvalidPolicyException(source + ": placeholder in a key (" + entry.getKey()
                            + "); placeholders may only stand for whole values.");
                }
                collectPlaceholders(entry.getValue());
            });
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(this::collectPlaceholders);
        } else if (element.isJsonPrimitive() && element.getAsJsonPrimitive().isString()) {
            String text = element.getAsString();
            Matcher whole = PLACEHOLDER.matcher(text);
            if (whole.matches()) {
                placeholders.add(whole.group(1));
            } else if (text.contains("{{")) {
                throw new InvalidPolicyException(source + ": \"" + text + "\" mixes a placeholder with text;"
                        + " placeholders may only stand for whole values.");
            }
        }
    }

    private static String position(JsonReader reader) {
        return reader.toString().replaceFirst("^JsonReader", "");
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
