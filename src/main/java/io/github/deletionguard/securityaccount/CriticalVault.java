package io.github.deletionguard.securityaccount;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import io.github.deletionguard.outputs.OutputMaps;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.config.CriticalKeyDefinition;
import io.github.deletionguard.config.CriticalSecretDefinition;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * Everything the security account holds for workloads: its critical keys, then the secrets they
 * encrypt. Its outputs are what workload stacks read through a stack reference: ARNs and alias
 * names, never a secret value.
 */
public final class CriticalVault extends ComponentResource {
    public static final String TYPE = "deletion-guard:securityaccount:CriticalVault";

    private final Output<Map<String, Object>> keyOutputs;
    private final Output<Map<String, Object>> secretOutputs;

    public CriticalVault(String name, CriticalVaultArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Map<String, CriticalKey> keysByAlias = new HashMap<>();
        Map<String, Output<?>> keyOutputsByAlias = new LinkedHashMap<>();
        for (CriticalKeyDefinition definition : args.resources().keys()) {
            Map<String, String> policies = new HashMap<>();
            policies.put(args.homeRegion(), args.policies().keyPolicy(definition.alias(), args.homeRegion()));
            definition.replicaRegions().forEach(region -> policies.put(region, args.policies().keyPolicy(definition.alias(), region)));
            CriticalKey key = new CriticalKey(name + "-key-" + definition.alias(),
                    new CriticalKeyArgs(definition, args.homeRegion(), providersFor(args, definition.replicaRegions()), policies),
                    ComponentResourceOptions.builder().parent(this).build());
            keysByAlias.put(definition.alias(), key);
            keyOutputsByAlias.put(key.aliasName(), OutputMaps.resolved(Map.of(
                    "aliasName", Output.of(key.aliasName()),
                    "keyArn", key.keyArn(),
                    "keyId", key.keyId(),
                    "region", Output.of(args.homeRegion()),
                    "replicaKeyArns", OutputMaps.resolved(key.replicaKeyArns()))));
        }

        Map<String, Output<?>> secretOutputsByName = new LinkedHashMap<>();
        for (CriticalSecretDefinition definition : args.resources().secrets()) {
            CriticalKey key = keysByAlias.get(definition.keyAlias());
            Map<String, Output<String>> replicaKeyArns = new HashMap<>(key.replicaKeyArns());
            replicaKeyArns.keySet().retainAll(definition.replicaRegions());
            CriticalSecret secret = new CriticalSecret(name + "-secret-" + definition.name(), new CriticalSecretArgs(
                    definition, args.providers().get(args.homeRegion()), key.keyArn(), replicaKeyArns,
                    args.policies().secretPolicy(definition.name()),
                    Optional.ofNullable(args.secretValues().get(definition.name()))),
                    ComponentResourceOptions.builder().parent(this).build());
            secretOutputsByName.put(definition.name(), OutputMaps.resolved(Map.of(
                    "secretArn", secret.secretArn(),
                    "keyAlias", Output.of(key.aliasName()),
                    "replicaSecretArns", secret.secretArn().applyValue(arn -> replicaArns(arn, definition.replicaRegions())))));
        }

        this.keyOutputs = OutputMaps.resolved(keyOutputsByAlias);
        this.secretOutputs = OutputMaps.resolved(secretOutputsByName);
        registerOutputs(new TreeMap<>(Map.of("keys", keyOutputs, "secrets", secretOutputs)));
    }

    /** By alias name: {@code aliasName}, {@code keyArn}, {@code keyId}, {@code region}, {@code replicaKeyArns} by region. */
    public Output<Map<String, Object>> keyOutputs() {
        return keyOutputs;
    }

    /** By secret name: {@code secretArn}, {@code keyAlias}, {@code replicaSecretArns} by region. */
    public Output<Map<String, Object>> secretOutputs() {
        return secretOutputs;
    }

    private static Map<String, Provider> providersFor(CriticalVaultArgs args, List<String> replicaRegions) {
        Map<String, Provider> providers = new HashMap<>();
        providers.put(args.homeRegion(), args.providers().get(args.homeRegion()));
        replicaRegions.forEach(region -> providers.put(region, args.providers().get(region)));
        return providers;
    }

    /** A replica secret's ARN is the primary's with the region swapped, name suffix included. */
    private static Map<String, String> replicaArns(String primaryArn, List<String> regions) {
        String[] parts = primaryArn.split(":", 5);
        Map<String, String> arns = new LinkedHashMap<>();
        for (String region : regions.stream().sorted().toList()) {
            arns.put(region, String.join(":", parts[0], parts[1], parts[2], region, parts[4]));
        }
        return arns;
    }
}
