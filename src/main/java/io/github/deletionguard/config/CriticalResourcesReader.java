package io.github.deletionguard.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code deletion-guard:criticalKeys} and {@code deletion-guard:criticalSecrets}. Shapes
 * and formats are checked here; relations (known accounts, known keys, regions) by
 * {@link CriticalResourcesValidator}.
 */
final class CriticalResourcesReader {
    static final String KEYS = "criticalKeys";
    static final String SECRETS = "criticalSecrets";

    private final Function<String, Optional<ConfigNode>> structured;
    private final Function<String, Optional<String>> projectConfig;

    private CriticalResourcesReader(Function<String, Optional<ConfigNode>> structured,
                                    Function<String, Optional<String>> projectConfig) {
        this.structured = structured;
        this.projectConfig = projectConfig;
    }

    /**
     * @param structured    a structured top-level key of the namespace, read with its field path
     * @param projectConfig a raw value of the namespace, to check that a secret's config key is set
     */
    static CriticalResources read(Function<String, Optional<ConfigNode>> structured,
                                  Function<String, Optional<String>> projectConfig) {
        CriticalResourcesReader reader = new CriticalResourcesReader(structured, projectConfig);
        return new CriticalResources(reader.readKeys(), reader.readSecrets());
    }

    private List<CriticalKeyDefinition> readKeys() {
        List<CriticalKeyDefinition> keys = new ArrayList<>();
        for (ConfigNode element : structured.apply(KEYS).map(ConfigNode::elements).orElse(List.of())) {
            ConfigNode node = element.requireObject(
                    "write each key as {alias, description, deletionWindowInDays, users, ...}.");
            node.allowOnlyFields("alias", "description", "deletionWindowInDays", "rotationPeriodInDays",
                    "multiRegion", "replicaRegions", "users", "viaServices");
            keys.add(new CriticalKeyDefinition(
                    CriticalKeyDefinition.withoutPrefix(node.requiredText("alias",
                            "name the key's alias, e.g. alias/payments-data; it is the key's identity in the stack.")),
                    node.requiredText("description", "say what the key protects and who owns it."),
                    node.field("deletionWindowInDays").flatMap(ConfigNode::wholeNumber)
                            .orElse(CriticalKeyDefinition.DEFAULT_DELETION_WINDOW_DAYS),
                    node.field("rotationPeriodInDays").flatMap(ConfigNode::wholeNumber),
                    node.field("multiRegion").flatMap(ConfigNode::bool).orElse(false),
                    node.field("replicaRegions").map(ConfigNode::texts).orElse(List.of()),
                    principals(node, "users"),
                    node.field("viaServices").map(ConfigNode::texts).orElse(List.of())));
        }
        return keys;
    }

    private List<CriticalSecretDefinition> readSecrets() {
        List<CriticalSecretDefinition> secrets = new ArrayList<>();
        for (ConfigNode element : structured.apply(SECRETS).map(ConfigNode::elements).orElse(List.of())) {
            ConfigNode node = element.requireObject(
                    "write each secret as {name, description, key, recoveryWindowInDays, readers, ...}.");
            node.allowOnlyFields("name", "description", "key", "recoveryWindowInDays", "readers", "replicaRegions",
                    "valueFromSecretConfig");
            secrets.add(new CriticalSecretDefinition(
                    node.requiredText("name", "set the secret's name in Secrets Manager, e.g. payments/db-master."),
                    node.requiredText("description", "say what the secret holds and who owns it."),
                    CriticalKeyDefinition.withoutPrefix(node.requiredText("key",
                            "name the alias of the critical key that encrypts the secret.")),
                    node.field("recoveryWindowInDays").flatMap(ConfigNode::wholeNumber)
                            .orElse(CriticalSecretDefinition.DEFAULT_RECOVERY_WINDOW_DAYS),
                    principals(node, "readers"),
                    node.field("replicaRegions").map(ConfigNode::texts).orElse(List.of()),
                    node.field("valueFromSecretConfig").flatMap(this::secretConfigKey)));
        }
        return secrets;
    }

    private static List<WorkloadPrincipal> principals(ConfigNode node, String field) {
        List<WorkloadPrincipal> principals = new ArrayList<>();
        for (ConfigNode element : node.field(field).map(ConfigNode::elements).orElse(List.of())) {
            // accountId() keeps text as it is and catches ids that YAML turned into numbers.
            String written = element.accountId();
            if (written.isEmpty()) {
                continue;
            }
            Optional<WorkloadPrincipal> principal = WorkloadPrincipal.parse(written);
            if (principal.isEmpty()) {
                element.reportIssue("'" + written + "' is neither an account id nor a role ARN.",
                        "write a quoted 12-digit account id, or arn:aws:iam::<account id>:role/<name> without wildcards.");
            }
            principal.ifPresent(principals::add);
        }
        return principals;
    }

    /**
     * The value itself is never read here: only whether the stack sets the key, so a missing
     * value is reported with every other issue instead of failing the deployment half-way.
     */
    private Optional<String> secretConfigKey(ConfigNode node) {
        Optional<String> key = node.text().map(written -> written.startsWith(StackConfigLoader.NAMESPACE + ":")
                ? written.substring(StackConfigLoader.NAMESPACE.length() + 1) : written);
        key.filter(name -> projectConfig.apply(name).isEmpty()).ifPresent(name -> node.reportIssue(
                "names " + StackConfigLoader.NAMESPACE + ":" + name + ", which this stack does not set.",
                "run 'pulumi config set --secret " + StackConfigLoader.NAMESPACE + ":" + name
                        + "' (it prompts for the value), or remove valueFromSecretConfig to create the secret empty."));
        return key;
    }
}
