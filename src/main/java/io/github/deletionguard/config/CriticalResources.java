package io.github.deletionguard.config;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The keys and secrets the security account holds for the organization's workloads. */
public record CriticalResources(List<CriticalKeyDefinition> keys, List<CriticalSecretDefinition> secrets) {

    public CriticalResources {
        keys = List.copyOf(keys);
        secrets = List.copyOf(secrets);
    }

    public static CriticalResources none() {
        return new CriticalResources(List.of(), List.of());
    }

    public Optional<CriticalKeyDefinition> key(String alias) {
        return keys.stream().filter(key -> key.alias().equals(alias)).findFirst();
    }

    public List<CriticalSecretDefinition> secretsEncryptedWith(String alias) {
        return secrets.stream().filter(secret -> secret.keyAlias().equals(alias)).toList();
    }

    /** The home region and every region with a key replica: each needs a security account provider. */
    public SortedSet<String> regions(String homeRegion) {
        SortedSet<String> regions = new TreeSet<>();
        if (!keys.isEmpty() || !secrets.isEmpty()) {
            regions.add(homeRegion);
        }
        keys.forEach(key -> regions.addAll(key.replicaRegions()));
        return regions;
    }
}
