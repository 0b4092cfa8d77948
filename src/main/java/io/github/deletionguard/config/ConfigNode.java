package io.github.deletionguard.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A value of the stack configuration together with its field path. Reading reports type
 * problems to {@link ConfigIssues} and goes on with what it can read, so one run lists every
 * problem. Pulumi hands structured values to the program as JSON text; plain values as text.
 */
final class ConfigNode {
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private final String path;
    private final JsonElement value;
    private final ConfigIssues issues;

    private ConfigNode(String path, JsonElement value, ConfigIssues issues) {
        this.path = path;
        this.value = value;
        this.issues = issues;
    }

    /** A top-level key whose value is structured (a map or list in the stack file). */
    static Optional<ConfigNode> structured(String key, Optional<String> raw, ConfigIssues issues) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ConfigNode(key, JsonParser.parseString(raw.get()), issues));
        } catch (JsonParseException e) {
            issues.add(key, "is not a structured value (" + e.getMessage() + ").",
                    "write it as a YAML map or list under 'config:' in the stack file.");
            return Optional.empty();
        }
    }

    /** A top-level key whose value is a plain string. */
    static Optional<ConfigNode> plain(String key, Optional<String> raw, ConfigIssues issues) {
        return raw.map(text -> new ConfigNode(key, new JsonPrimitive(text), issues));
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

    ConfigNode requireObject(String fix) {
        if (!value.isJsonObject()) {
            reportIssue("must be a map of fields, found " + describe(value) + ".", fix);
            return new ConfigNode(path, new JsonObject(), issues);
        }
        return this;
    }

    /** Names the fields a map may have, so a misspelt field is reported instead of ignored. */
    void allowOnlyFields(String... known) {
        if (!value.isJsonObject()) {
            return;
        }
        Set<String> allowed = Set.of(known);
        for (String name : new TreeSet<>(value.getAsJsonObject().keySet())) {
            if (!allowed.contains(name)) {
                issues.add(path + "." + name, "is not a known field.",
                        "use one of " + String.join(", ", new TreeSet<>(allowed)) + ", or remove it.");
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

    Optional<String> textField(String name) {
        return field(name).flatMap(ConfigNode::text);
    }

    String requiredText(String name, String fix) {
        Optional<ConfigNode> node = field(name);
        if (node.isEmpty()) {
            issues.add(path + "." + name, "is missing.", fix);
            return "";
        }
        return node.get().text().orElse("");
    }

    List<ConfigNode> elements() {
        if (!value.isJsonArray()) {
            reportIssue("must be a list, found " + describe(value) + ".", "write a YAML list ('- item' lines).");
            return List.of();
        }
        JsonArray array = value.getAsJsonArray();
        List<ConfigNode> nodes = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            nodes.add(new ConfigNode(path + "[" + i + "]", array.get(i), issues));
        }
        return nodes;
    }

    List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (ConfigNode element : elements()) {
            element.text().ifPresent(texts::add);
        }
        return texts;
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
     * An AWS account id, which must stay text: YAML reads an unquoted id as a number and drops
     * its leading zeros, so a number is accepted only when it still has all twelve digits.
     */
    String accountId() {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            String digits = value.getAsBigDecimal().toPlainString();
            if (DIGITS.matcher(digits).matches() && digits.length() == 12) {
                return digits;
            }
            reportIssue("was read as the number " + digits + " (" + digits.length()
                            + " digits): YAML turns an unquoted id into a number and drops leading zeros.",
                    "quote the 12-digit account id, e.g. \"" + "0".repeat(Math.max(0, 12 - digits.length()))
                            + digits + "\".");
            return "";
        }
        return text().orElse("");
    }

    String requiredAccountId(String name) {
        Optional<ConfigNode> node = field(name);
        if (node.isEmpty()) {
            issues.add(path + "." + name, "is missing.", "set the 12-digit AWS account id, quoted.");
            return "";
        }
        return node.get().accountId();
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
