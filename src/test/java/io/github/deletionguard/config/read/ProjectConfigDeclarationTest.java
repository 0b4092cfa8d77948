package io.github.deletionguard.config.read;

import io.github.deletionguard.config.ConfigIssue;
import io.github.deletionguard.config.InvalidConfigException;
import io.github.deletionguard.testing.ProjectFiles;
import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code Pulumi.yaml} declares the program's config keys as Pulumi's project config does, so
 * {@code pulumi config} knows them; it must stay in step with the keys the program reads.
 */
class ProjectConfigDeclarationTest {
    /** Pulumi's project config types (the project schema's SimpleConfigType); objects are not among them. */
    private static final Set<String> PULUMI_TYPES = Set.of("string", "integer", "boolean", "array");
    /** Keys whose values are maps or lists of maps, which no Pulumi project config type describes. */
    private static final Set<String> UNTYPEABLE = Set.of("organization", "securityAccount", "accounts", "alarms",
            "criticalKeys", "criticalSecrets", "serviceControlPolicy", "stackScope", "remediation", "memberBaseline",
            "approvedDeletions", "ephemeralScopes");

    private static final String PROJECT_FILE = ProjectFiles.read("Pulumi.yaml");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> declared() {
        return (Map<String, Map<String, Object>>) ((Map<String, Object>) new Yaml().load(PROJECT_FILE)).get("config");
    }

    @Test
    void everyKeyTheProgramReadsIsDeclaredOrNamedAsUntypeable() {
        Set<String> declaredOrNamed = new TreeSet<>(declared().keySet());
        declaredOrNamed.addAll(UNTYPEABLE);

        assertEquals(new TreeSet<>(StackConfigReader.KEYS), declaredOrNamed,
                "declare a new key in Pulumi.yaml (or, for a map, name it in its comment and in UNTYPEABLE)");
        assertEquals(Set.of(), intersection(declared().keySet(), UNTYPEABLE));
        UNTYPEABLE.forEach(key -> assertTrue(PROJECT_FILE.contains(" " + key + ",") || PROJECT_FILE.contains(" " + key + "."),
                "Pulumi.yaml's comment names " + key));
    }

    /** What Pulumi's project schema accepts: a supported type, items for an array, a description, a default of the type. */
    @Test
    void theDeclarationsAreValidPulumiProjectConfig() {
        List<String> problems = new ArrayList<>();
        declared().forEach((key, declaration) -> {
            Object type = declaration.get("type");
            if (!PULUMI_TYPES.contains(type)) {
                problems.add(key + ": type " + type + " is not one of " + PULUMI_TYPES);
            }
            if ("array".equals(type) && !(declaration.get("items") instanceof Map<?, ?> items && PULUMI_TYPES.contains(items.get("type")))) {
                problems.add(key + ": an array needs items with a type");
            }
            if (!(declaration.get("description") instanceof String)) {
                problems.add(key + ": no description");
            }
            Object defaultValue = declaration.get("default");
            if (defaultValue != null && !("array".equals(type) ? defaultValue instanceof List<?> : defaultValue instanceof String)) {
                problems.add(key + ": default " + defaultValue + " is not a " + type);
            }
            Set<String> allowed = Set.of("type", "items", "description", "default", "secret");
            declaration.keySet().stream().filter(attribute -> !allowed.contains(attribute))
                    .forEach(attribute -> problems.add(key + ": '" + attribute + "' is not a config declaration attribute"));
        });
        assertEquals(List.of(), problems);
    }

    /** The CLI writes a declared default into the stack's config: it must mean what leaving the key out means. */
    @Test
    void aDeclaredDefaultMeansTheSameAsLeavingTheKeyOut() {
        declared().forEach((key, declaration) -> {
            if (declaration.containsKey("default")) {
                String cliValue = declaration.get("default") instanceof List<?> list ? new com.google.gson.Gson().toJson(list)
                        : declaration.get("default").toString();
                assertEquals(outcome(ConfigBuilder.sample().remove(key)), outcome(ConfigBuilder.sample().remove(key).set(key, cliValue)), key);
                assertEquals(outcome(withMistakes(ConfigBuilder.sample().remove(key))),
                        outcome(withMistakes(ConfigBuilder.sample().remove(key).set(key, cliValue))), key + " in a config with a mistake");
            }
        });
    }

    /** The validated config, or every issue: what the program makes of a stack config. */
    private static String outcome(ConfigBuilder config) {
        try {
            return config.load().toString();
        } catch (InvalidConfigException e) {
            return e.getMessage();
        }
    }

    @Test
    void aKeyWithoutDefaultIsOneTheProgramRequiresToo() {
        declared().forEach((key, declaration) -> {
            if (!declaration.containsKey("default")) {
                assertEquals(List.of("deletion-guard:" + key), fields(ConfigBuilder.sample().remove(key).issues()), key);
            }
        });
    }

    /** An account without a name, and without regions of its own: it falls back to the stack-wide regions. */
    private static ConfigBuilder withMistakes(ConfigBuilder config) {
        return config.edit("accounts", accounts -> {
            ConfigBuilder.entry(accounts, 0).remove("regions");
            ConfigBuilder.entry(accounts, 0).remove("name");
        });
    }

    private static List<String> fields(List<ConfigIssue> issues) {
        return issues.stream().map(ConfigIssue::field).toList();
    }



    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }
}
