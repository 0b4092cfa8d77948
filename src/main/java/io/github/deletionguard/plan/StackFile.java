package io.github.deletionguard.plan;

import com.google.gson.Gson;
import io.github.deletionguard.config.ConfigIssue;
import io.github.deletionguard.config.InvalidConfigException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code Pulumi.yaml} and {@code Pulumi.<stack>.yaml} and hands the config over as the
 * Pulumi CLI does: plain values as text, maps and lists as JSON text, and the project's declared
 * defaults ({@code config: <key>: default:} in {@code Pulumi.yaml}) for keys the stack leaves out.
 * Unquoted scalars are typed as the CLI's YAML 1.2 reader types them, so an unquoted account id
 * becomes a number here too (leading zeros lost) and the program reports it exactly as it would
 * under {@code pulumi up}.
 */
public final class StackFile {
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");
    private static final Gson GSON = new Gson();

    private final String project;
    private final String stack;
    private final Map<String, String> config;
    private final Set<String> secretKeys;

    private StackFile(String project, String stack, Map<String, String> config, Set<String> secretKeys) {
        this.project = project;
        this.stack = stack;
        this.config = config;
        this.secretKeys = secretKeys;
    }

    public static StackFile read(Path projectRoot, String stack) throws IOException {
        Object projectFile = load(projectRoot.resolve("Pulumi.yaml"));
        if (!(projectFile instanceof Map<?, ?> projectMap) || !(projectMap.get("name") instanceof String project)) {
            throw new IOException("Pulumi.yaml has no project name");
        }
        Path stackPath = projectRoot.resolve("Pulumi." + stack + ".yaml");
        if (!Files.exists(stackPath)) {
            throw new IOException(stackPath.getFileName() + " not found. Fix: name one of the stacks here ("
                    + String.join(", ", stacks(projectRoot)) + "), or create the file (see the README's quick start).");
        }
        Object stackFile = load(stackPath);
        Map<String, String> config = new LinkedHashMap<>();
        Set<String> secretKeys = new HashSet<>();
        if (stackFile instanceof Map<?, ?> stackMap && stackMap.get("config") instanceof Map<?, ?> entries) {
            entries.forEach((key, value) -> {
                String fullKey = key.toString().contains(":") ? key.toString() : project + ":" + key;
                if (value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("secure")) {
                    // Ciphertext needs the stack's secrets provider; offline, the value stays hidden.
                    secretKeys.add(fullKey);
                    config.put(fullKey, "[secret]");
                } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
                    config.put(fullKey, GSON.toJson(value));
                } else {
                    config.put(fullKey, String.valueOf(value));
                }
            });
        }
        projectDefaults(projectMap).forEach((key, value) -> config.putIfAbsent(project + ":" + key, value));
        return new StackFile(project, stack, config, secretKeys);
    }

    /** The stacks of a project: its {@code Pulumi.<stack>.yaml} files, sorted. */
    public static List<String> stacks(Path projectRoot) throws IOException {
        try (var files = Files.list(projectRoot.toAbsolutePath())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("Pulumi.") && name.endsWith(".yaml") && !name.equals("Pulumi.yaml"))
                    .map(name -> name.substring("Pulumi.".length(), name.length() - ".yaml".length()))
                    .sorted().toList();
        }
    }

    /** The CLI puts a declared default into the stack's config when the stack does not set the key. */
    private static Map<String, String> projectDefaults(Map<?, ?> projectFile) {
        Map<String, String> defaults = new LinkedHashMap<>();
        if (projectFile.get("config") instanceof Map<?, ?> declared) {
            declared.forEach((key, declaration) -> {
                if (declaration instanceof Map<?, ?> typed && typed.containsKey("default")) {
                    Object value = typed.get("default");
                    defaults.put(key.toString(), value instanceof Map<?, ?> || value instanceof List<?> ? GSON.toJson(value) : String.valueOf(value));
                }
            });
        }
        return defaults;
    }

    public String project() {
        return project;
    }

    public String stack() {
        return stack;
    }

    public Map<String, String> config() {
        return Map.copyOf(config);
    }

    public Set<String> secretKeys() {
        return Set.copyOf(secretKeys);
    }

    private static Object load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Node root = new Yaml(new LoaderOptions()).compose(reader);
            return root == null ? null : toValue(root);
        } catch (NoSuchFileException e) {
            throw new IOException(file + " not found: run from the project root and name an existing stack.", e);
        } catch (MarkedYAMLException e) {
            throw syntaxError(file, e);
        }
    }

    /** One issue, where the YAML reader stopped, in the words of the stack file rather than the parser's. */
    private static InvalidConfigException syntaxError(Path file, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String where = mark == null ? "YAML" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
        String problem = e.getProblem() == null ? "is not valid YAML." : "is not valid YAML: " + e.getProblem() + ".";
        return new InvalidConfigException(file.getFileName().toString(), List.of(new ConfigIssue(where, problem,
                "indent each key under config: by two spaces and list items by '- ', and quote a value that contains ': ' or"
                        + " starts with one of { [ * & ! | > % @ `.")));
    }

    private static Object toValue(Node node) {
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                map.put(((ScalarNode) tuple.getKeyNode()).getValue(), toValue(tuple.getValueNode()));
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            sequence.getValue().forEach(item -> list.add(toValue(item)));
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        String text = scalar.getValue();
        if (scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return text;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (text.equals("null") || text.equals("~") || text.isEmpty()) {
            return null;
        }
        if (INTEGER.matcher(text).matches()) {
            return new java.math.BigInteger(text);
        }
        if (DECIMAL.matcher(text).matches()) {
            return new java.math.BigDecimal(text);
        }
        return text;
    }
}
