package io.github.deletionguard.config;

import java.util.List;
import java.util.Optional;

/**
 * A Secrets Manager secret the security account holds for workloads, as configured under
 * {@code deletion-guard:criticalSecrets}. Its value never appears in config: the secret is
 * created empty for its owner to fill, or takes the value of a key set with
 * {@code pulumi config set --secret}.
 *
 * @param keyAlias              alias (without {@code alias/}) of the critical key that encrypts it
 * @param readers               principals that may read the value
 * @param writers               principals that may put a new value (and move its version stages);
 *                              nobody else but the deployer may, because more than 100 versions
 *                              make Secrets Manager purge the oldest
 * @param replicaRegions        regions the secret is replicated to, each encrypted with the key's replica there
 * @param valueFromSecretConfig the {@code deletion-guard:} config key holding the value, if Pulumi sets it
 */
public record CriticalSecretDefinition(
        String name,
        String description,
        String keyAlias,
        int recoveryWindowInDays,
        List<WorkloadPrincipal> readers,
        List<WorkloadPrincipal> writers,
        List<String> replicaRegions,
        Optional<String> valueFromSecretConfig) {

    public static final int DEFAULT_RECOVERY_WINDOW_DAYS = 30;

    public CriticalSecretDefinition {
        readers = List.copyOf(readers);
        writers = List.copyOf(writers);
        replicaRegions = List.copyOf(replicaRegions);
    }
}
