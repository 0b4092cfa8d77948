package io.github.deletionguard.config.read;

import io.github.deletionguard.config.ConfigKeys;
import io.github.deletionguard.config.CriticalKeyDefinition;
import io.github.deletionguard.config.CriticalSecretDefinition;
import io.github.deletionguard.config.WorkloadPrincipal;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.github.deletionguard.config.read.ConfigNode.allRead;

/**
 * Reads the entries of {@code deletion-guard:criticalKeys} and {@code deletion-guard:criticalSecrets};
 * their values and relations (known accounts, known keys, regions) are validation's.
 */
final class CriticalResourcesReader {
    private final Set<String> presentKeys;
    private final Set<String> valueKeys = new TreeSet<>();

    /** @param presentKeys every config key the stack sets, to check that a secret's value key is one of them */
    CriticalResourcesReader(Set<String> presentKeys) {
        this.presentKeys = presentKeys;
    }

    /** The keys secrets take their values from: they belong to the stack's config as much as the program's own keys. */
    Set<String> valueKeys() {
        return Collections.unmodifiableSet(valueKeys);
    }

    Optional<CriticalKeyDefinition> readKey(ConfigNode element) {
        return element.object("write each key as {alias, description, deletionWindowInDays, users, ...}.").flatMap(node -> {
            node.allowOnlyFields("alias", "description", "deletionWindowInDays", "rotationPeriodInDays",
                    "multiRegion", "replicaRegions", "users", "viaServices");
            Optional<String> alias = node.required("alias",
                    "name the key's alias, e.g. alias/payments-data; it is the key's identity in the stack.", ConfigNode::text);
            Optional<String> description = node.required("description", "say what the key protects and who owns it.",
                    ConfigNode::text);
            Optional<Integer> window = node.withDefault("deletionWindowInDays", ConfigNode::wholeNumber,
                    CriticalKeyDefinition.DEFAULT_DELETION_WINDOW_DAYS);
            Optional<Optional<Integer>> rotation = node.optional("rotationPeriodInDays", ConfigNode::wholeNumber);
            Optional<Boolean> multiRegion = node.withDefault("multiRegion", ConfigNode::bool, false);
            Optional<List<String>> replicas = node.withDefault("replicaRegions", ConfigNode::texts, List.of());
            Optional<List<WorkloadPrincipal>> users = node.withDefault("users", CriticalResourcesReader::principals, List.of());
            Optional<List<String>> services = node.withDefault("viaServices", ConfigNode::texts, List.of());
            if (!allRead(alias, description, window, rotation, multiRegion, replicas, users, services)) {
                return Optional.empty();
            }
            return Optional.of(new CriticalKeyDefinition(CriticalKeyDefinition.withoutPrefix(alias.get()), description.get(),
                    window.get(), rotation.get(), multiRegion.get(), replicas.get(), users.get(), services.get()));
        });
    }

    Optional<CriticalSecretDefinition> readSecret(ConfigNode element) {
        return element.object("write each secret as {name, description, key, recoveryWindowInDays, readers, ...}.").flatMap(node -> {
            node.allowOnlyFields("name", "description", "key", "recoveryWindowInDays", "readers", "writers", "replicaRegions",
                    "valueFromSecretConfig");
            Optional<String> name = node.required("name",
                    "set the secret's name in Secrets Manager, e.g. payments/db-master.", ConfigNode::text);
            Optional<String> description = node.required("description", "say what the secret holds and who owns it.",
                    ConfigNode::text);
            Optional<String> key = node.required("key", "name the alias of the critical key that encrypts the secret.",
                    ConfigNode::text);
            Optional<Integer> window = node.withDefault("recoveryWindowInDays", ConfigNode::wholeNumber,
                    CriticalSecretDefinition.DEFAULT_RECOVERY_WINDOW_DAYS);
            Optional<List<WorkloadPrincipal>> readers = node.withDefault("readers", CriticalResourcesReader::principals, List.of());
            Optional<List<WorkloadPrincipal>> writers = node.withDefault("writers", CriticalResourcesReader::principals, List.of());
            Optional<List<String>> replicas = node.withDefault("replicaRegions", ConfigNode::texts, List.of());
            Optional<Optional<String>> valueKey = node.optional("valueFromSecretConfig", this::secretConfigKey);
            if (!allRead(name, description, key, window, readers, writers, replicas, valueKey)) {
                return Optional.empty();
            }
            return Optional.of(new CriticalSecretDefinition(name.get(), description.get(),
                    CriticalKeyDefinition.withoutPrefix(key.get()), window.get(), readers.get(), writers.get(), replicas.get(),
                    valueKey.get()));
        });
    }

    private static Optional<List<WorkloadPrincipal>> principals(ConfigNode list) {
        return list.list(element -> element.accountId().flatMap(written -> {
            Optional<WorkloadPrincipal> principal = WorkloadPrincipal.parse(written);
            if (principal.isEmpty()) {
                element.reportIssue("'" + written + "' is neither an account id nor a role ARN.",
                        "write a quoted 12-digit account id, or arn:aws:iam::<account id>:role/<name> without wildcards.");
            }
            return principal;
        }));
    }

    /**
     * The value itself is never read: only whether the stack sets the key, so a missing value is
     * reported with every other issue instead of failing the deployment half-way.
     */
    private Optional<String> secretConfigKey(ConfigNode node) {
        Optional<String> key = node.text().map(ConfigKeys::unqualified);
        key.ifPresent(valueKeys::add);
        key.filter(name -> !presentKeys.contains(ConfigKeys.qualified(name))).ifPresent(name -> node.reportIssue(
                "names " + ConfigKeys.qualified(name) + ", which this stack does not set.",
                "run 'pulumi config set --secret " + ConfigKeys.qualified(name)
                        + "' (it prompts for the value), or remove valueFromSecretConfig to create the secret empty."));
        return key;
    }
}
