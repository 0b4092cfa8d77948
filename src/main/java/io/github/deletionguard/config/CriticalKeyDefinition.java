package io.github.deletionguard.config;

import java.util.List;
import java.util.Optional;

/**
 * A customer managed KMS key the security account holds for workloads, as configured under
 * {@code deletion-guard:criticalKeys}.
 *
 * @param alias                the alias without its {@code alias/} prefix; the key's identity in the stack
 * @param rotationPeriodInDays days between automatic rotations; empty leaves KMS's default (365)
 * @param replicaRegions       regions that get a multi-Region replica of the key
 * @param users                principals that may encrypt and decrypt with the key
 * @param viaServices          services (e.g. {@code s3}) the users must go through; empty means direct use too
 */
public record CriticalKeyDefinition(
        String alias,
        String description,
        int deletionWindowInDays,
        Optional<Integer> rotationPeriodInDays,
        boolean multiRegion,
        List<String> replicaRegions,
        List<WorkloadPrincipal> users,
        List<String> viaServices) {

    public static final String ALIAS_PREFIX = "alias/";
    public static final int DEFAULT_DELETION_WINDOW_DAYS = 30;

    public CriticalKeyDefinition {
        replicaRegions = List.copyOf(replicaRegions);
        users = List.copyOf(users);
        viaServices = List.copyOf(viaServices);
    }

    /** Config may write an alias with or without {@code alias/}; the model keeps it without. */
    public static String withoutPrefix(String alias) {
        return alias.startsWith(ALIAS_PREFIX) ? alias.substring(ALIAS_PREFIX.length()) : alias;
    }

    /** The alias as KMS names it. */
    public String aliasName() {
        return ALIAS_PREFIX + alias;
    }
}
