package io.github.deletionguard.remediation;

import io.github.deletionguard.documents.InvalidPolicyException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reviewed Systems Manager Automation document (YAML, schema 0.3), sent to AWS exactly as the
 * file reads. YAML because inline scripts ({@code aws:executeScript}) are only allowed there.
 * Loading checks the structure Automation itself would reject at deploy time (schema version,
 * steps, step references, outputs), so a broken file stops the run before any resource exists.
 */
public final class AutomationDocument {
    public static final String SCHEMA_VERSION = "0.3";
    private static final Pattern STEP_OUTPUT = Pattern.compile("([A-Za-z0-9_]+)\\.([A-Za-z0-9_]+)");

    private final String source;
    private final String content;
    private final Map<String, Object> document;

    private AutomationDocument(String source, String content, Map<String, Object> document) {
        this.source = source;
        this.content = content;
        this.document = document;
    }

    public static AutomationDocument load(Path file) {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InvalidPolicyException(file + ": file not found. Run the program from the project root,"
                    + " where the policy/ folder is.");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read", e);
        }
    }

    public static AutomationDocument parse(String source, String content) {
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
        } catch (YAMLException e) {
            throw new InvalidPolicyException(source + ": not valid YAML: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new InvalidPolicyException(source + ": an Automation document must be a YAML map.");
        }
        Map<String, Object> document = new LinkedHashMap<>();
        map.forEach((key, value) -> document.put(String.valueOf(key), value));
        AutomationDocument automation = new AutomationDocument(source, content, document);
        automation.checkStructure();
        return automation;
    }

    /** The document as AWS receives it: the reviewed file, unchanged. */
    public String content() {
        return content;
    }

    public Map<String, Object> parameters() {
        return map(document.get("parameters"), "parameters");
    }

    /** The steps in the order the file lists them. */
    public List<Map<String, Object>> steps() {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Object step : list(document.get("mainSteps"), "mainSteps")) {
            steps.add(map(step, "a step of mainSteps"));
        }
        return steps;
    }

    public Map<String, Object> step(String name) {
        return steps().stream().filter(step -> name.equals(step.get("name"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(source + " has no step " + name));
    }

    public List<String> outputs() {
        return list(document.get("outputs"), "outputs").stream().map(String::valueOf).toList();
    }

    private void checkStructure() {
        if (!SCHEMA_VERSION.equals(document.get("schemaVersion"))) {
            throw invalid("schemaVersion must be the text '" + SCHEMA_VERSION + "' (quoted), found "
                    + document.get("schemaVersion") + ".");
        }
        Map<String, Object> parameters = parameters();
        if (!"{{ AutomationAssumeRole }}".equals(document.get("assumeRole"))
                || !parameters.containsKey("AutomationAssumeRole")) {
            throw invalid("assumeRole must be '{{ AutomationAssumeRole }}', a parameter, so each account passes its own role.");
        }
        List<Map<String, Object>> steps = steps();
        if (steps.isEmpty()) {
            throw invalid("mainSteps is empty.");
        }
        Set<String> names = new HashSet<>();
        Map<String, Set<String>> stepOutputs = new LinkedHashMap<>();
        for (Map<String, Object> step : steps) {
            String name = String.valueOf(step.get("name"));
            if (!name.matches("[A-Za-z0-9_]+") || !names.add(name)) {
                throw invalid("step name '" + name + "' is missing, not alphanumeric or used twice.");
            }
            if (!(step.get("action") instanceof String action) || !action.startsWith("aws:")) {
                throw invalid("step " + name + " has no aws: action.");
            }
            Set<String> declared = new HashSet<>();
            if (step.containsKey("outputs")) {
                for (Object output : list(step.get("outputs"), "outputs of " + name)) {
                    Map<String, Object> declaration = map(output, "an output of " + name);
                    if (!(declaration.get("Name") instanceof String outputName) || !declaration.containsKey("Selector")
                            || !declaration.containsKey("Type")) {
                        throw invalid("every output of step " + name + " needs Name, Selector and Type.");
                    }
                    declared.add(outputName);
                }
            }
            stepOutputs.put(name, declared);
        }
        for (Map<String, Object> step : steps) {
            for (String next : nextSteps(step)) {
                if (!names.contains(next)) {
                    throw invalid("step " + step.get("name") + " goes to " + next + ", which is not a step.");
                }
            }
        }
        for (String output : outputs()) {
            Matcher reference = STEP_OUTPUT.matcher(output);
            if (!reference.matches() || !stepOutputs.getOrDefault(reference.group(1), Set.of()).contains(reference.group(2))) {
                throw invalid("output " + output + " is not an output declared by a step.");
            }
        }
    }

    /** The steps a step can go to: its nextStep, or the NextStep and Default of a branch. */
    private static List<String> nextSteps(Map<String, Object> step) {
        List<String> next = new ArrayList<>();
        if (step.get("nextStep") instanceof String name) {
            next.add(name);
        }
        if (step.get("inputs") instanceof Map<?, ?> inputs) {
            if (inputs.get("Choices") instanceof List<?> choices) {
                for (Object choice : choices) {
                    if (choice instanceof Map<?, ?> map && map.get("NextStep") instanceof String name) {
                        next.add(name);
                    }
                }
            }
            if (inputs.get("Default") instanceof String name) {
                next.add(name);
            }
        }
        return next;
    }

    private InvalidPolicyException invalid(String problem) {
        return new InvalidPolicyException(source + ": " + problem);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw invalid(what + " must be a map.");
        }
        return (Map<String, Object>) value;
    }

    private List<Object> list(Object value, String what) {
        if (!(value instanceof List<?> items)) {
            throw invalid(what + " must be a list.");
        }
        return new ArrayList<>(items);
    }
}
