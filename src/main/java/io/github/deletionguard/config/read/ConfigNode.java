package io.github.deletionguard.config.read;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.deletionguard.config.AwsIdentifiers;
import io.github.deletionguard.config.ConfigIssues;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A value of the stack configuration together with its field path. Reading checks shape only:
 * a value that is missing or of the wrong type is reported to {@link ConfigIssues} and read as
 * empty, and reading goes on, so one run lists every problem. Pulumi hands structured values to
 * the program as JSON text; plain values as text.
 */
final class ConfigNode {
    private final String path;
    private final JsonElement value;
    private final ConfigIssues issues;
    /** Known fields that an unknown field of this map most likely means; their absence is that one mistake. */
    private final Set<String> meantByMisspeltFields = new HashSet<>();

    private ConfigNode(String path, JsonElement value, ConfigIssues issues) {
        this.path = path;
        this.value = value;
        this.issues = issues;
    }

    /** A top-level key whose value is structured (a map or list in the stack file). */
    static Optional<ConfigNode> structured(String key, String raw, ConfigIssues issues) {
        try {
            return Optional.of(new ConfigNode(key, JsonParser.parseString(raw), issues));
        } catch (JsonParseException e) {
            issues.add(key, "is not a structured value (" + e.getMessage() + ").",
                    "write it as a YAML map or list under 'config:' in the stack file.");
            return Optional.empty();
        }
    }

    /** A top-level key whose value is a plain string. */
    static ConfigNode plain(String key, String raw, ConfigIssues issues) {
        return new ConfigNode(key, new JsonPrimitive(raw), issues);
    }

    /** True when every value could be read, so the record made of them can be built. */
    static boolean allRead(Optional<?>... values) {
        return Arrays.stream(values).allMatch(Optional::isPresent);
    }

    String path() {
        return path;
    }

    void reportIssue(String problem, String fix) {
        issues.add(path, problem, fix);
    }

    Optional<ConfigNode> field(String name) {
        if (!value.isJsonObject()) {
            return Optional.empty();
        }
        JsonElement child = value.getAsJsonObject().get(name);
        if (child == null || child.isJsonNull()) {
            return Optional.empty();
        }
        return Optional.of(new ConfigNode(path + "." + name, child, issues));
    }

    /** A field without which the enclosing value cannot be built: its absence is reported. */
    <T> Optional<T> required(String name, String fix, Function<ConfigNode, Optional<T>> read) {
        Optional<ConfigNode> node = field(name);
        if (node.isEmpty()) {
            if (!meantByMisspeltFields.contains(name)) {
                issues.add(path + "." + name, "is missing.", fix);
            }
            return Optional.empty();
        }
        return read.apply(node.get());
    }

    /** A field that takes {@code defaultValue} when unset; empty only when it is set but unreadable. */
    <T> Optional<T> withDefault(String name, Function<ConfigNode, Optional<T>> read, T defaultValue) {
        return field(name).map(read).orElse(Optional.of(defaultValue));
    }

    /** A field the model keeps optional: the outer value is empty when it is set but unreadable. */
    <T> Optional<Optional<T>> optional(String name, Function<ConfigNode, Optional<T>> read) {
        Optional<ConfigNode> node = field(name);
        if (node.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        return read.apply(node.get()).map(Optional::of);
    }

    /** This value as a map; anything else is reported with {@code fix}. */
    Optional<ConfigNode> object(String fix) {
        if (!value.isJsonObject()) {
            reportIssue("must be a map of fields, found " + describe(value) + ".", fix);
            return Optional.empty();
        }
        return Optional.of(this);
    }

    /**
     * Names the fields a map may have, so a misspelt field is reported instead of ignored; call
     * it before reading the fields, so a misspelt required field is not also reported missing.
     */
    void allowOnlyFields(String... known) {
        if (!value.isJsonObject()) {
            return;
        }
        Set<String> allowed = new TreeSet<>(List.of(known));
        for (String name : new TreeSet<>(value.getAsJsonObject().keySet())) {
            if (!allowed.contains(name)) {
                UnknownNames.report(issues, path + "." + name, name, allowed, "field");
                UnknownNames.closest(name, allowed).ifPresent(meantByMisspeltFields::add);
            }
        }
    }

    Optional<String> text() {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return Optional.of(value.getAsString());
        }
        reportIssue("must be a string, found " + describe(value) + ".", "quote the value.");
        return Optional.empty();
    }

    /** Each element read by {@code read}, in order; an element that cannot be read is empty. */
    <T> Optional<List<Optional<T>>> entries(Function<ConfigNode, Optional<T>> read) {
        if (!value.isJsonArray()) {
            reportIssue("must be a list, found " + describe(value) + ".", "write a YAML list ('- item' lines).");
            return Optional.empty();
        }
        JsonArray array = value.getAsJsonArray();
        List<Optional<T>> entries = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            entries.add(read.apply(new ConfigNode(path + "[" + i + "]", array.get(i), issues)));
        }
        return Optional.of(entries);
    }

    /** A list whose every element {@code read} can read; empty when any of them cannot (each is reported). */
    <T> Optional<List<T>> list(Function<ConfigNode, Optional<T>> read) {
        return entries(read).flatMap(entries -> entries.stream().allMatch(Optional::isPresent)
                ? Optional.of(entries.stream().map(Optional::get).toList())
                : Optional.empty());
    }

    Optional<List<String>> texts() {
        return list(ConfigNode::text);
    }

    /** A number; a quoted number is accepted too, since {@code pulumi config set} may store either. */
    Optional<BigDecimal> number() {
        if (value.isJsonPrimitive()) {
            JsonPrimitive primitive = value.getAsJsonPrimitive();
            try {
                if (primitive.isNumber() || primitive.isString()) {
                    return Optional.of(new BigDecimal(primitive.getAsString().trim()));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        reportIssue("must be a number, found " + describe(value) + ".", "write a plain number such as 300.");
        return Optional.empty();
    }

    Optional<Double> decimal() {
        return number().map(BigDecimal::doubleValue);
    }

    /** A boolean; the text "true" or "false" is accepted too, as {@code pulumi config set --path} stores it. */
    Optional<Boolean> bool() {
        if (value.isJsonPrimitive()) {
            String text = value.getAsJsonPrimitive().getAsString();
            if (text.equals("true") || text.equals("false")) {
                return Optional.of(Boolean.valueOf(text));
            }
        }
        reportIssue("must be true or false, found " + describe(value) + ".", "write true or false.");
        return Optional.empty();
    }

    Optional<Integer> wholeNumber() {
        return number().flatMap(number -> {
            try {
                return Optional.of(number.intValueExact());
            } catch (ArithmeticException e) {
                reportIssue("must be a whole number, found " + number.toPlainString() + ".", "write a whole number.");
                return Optional.empty();
            }
        });
    }

    /**
     * An AWS account id (or another value that may be one), which must stay text: YAML reads an
     * unquoted id as a number and drops its leading zeros, so a number is accepted only when it
     * still has all twelve digits. Whether text is a well-formed id is validation's to say.
     */
    Optional<String> accountId() {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            String digits = value.getAsBigDecimal().toPlainString();
            if (AwsIdentifiers.isAccountId(digits)) {
                return Optional.of(digits);
            }
            reportIssue("was read as the number " + digits + " (" + digits.length()
                            + " digits): YAML turns an unquoted id into a number and drops leading zeros.",
                    "quote the 12-digit account id, e.g. \"" + "0".repeat(Math.max(0, 12 - digits.length()))
                            + digits + "\".");
            return Optional.empty();
        }
        return text();
    }

    Optional<String> requiredAccountId(String name) {
        return required(name, "set the 12-digit AWS account id, quoted.", ConfigNode::accountId);
    }

    private static String describe(JsonElement element) {
        if (element.isJsonObject()) {
            return "a map";
        }
        if (element.isJsonArray()) {
            return "a list";
        }
        if (element.isJsonNull()) {
            return "nothing";
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isNumber()) {
            return "the number " + primitive.getAsString();
        }
        if (primitive.isBoolean()) {
            return "the boolean " + primitive.getAsString();
        }
        return "the text \"" + primitive.getAsString() + "\"";
    }
}
