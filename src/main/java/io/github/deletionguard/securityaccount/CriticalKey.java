package io.github.deletionguard.securityaccount;

import io.github.deletionguard.providers.Protection;
import com.pulumi.aws.Provider;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.kms.ReplicaKey;
import com.pulumi.aws.kms.ReplicaKeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.providers.ChildOptions;
import io.github.deletionguard.config.CriticalKeyDefinition;

import java.util.Map;
import java.util.TreeMap;

/**
 * One critical KMS key in the security account: the key with rotation on, its alias, and for a
 * multi-Region key a replica with the same alias in each replica region. Everything is
 * protected and retained (see {@link Protection}).
 */
public final class CriticalKey extends ComponentResource {
    public static final String TYPE = "deletion-guard:securityaccount:CriticalKey";

    private final Output<String> keyArn;
    private final Output<String> keyId;
    private final String aliasName;
    private final Map<String, Output<String>> replicaKeyArns = new TreeMap<>();

    public CriticalKey(String name, CriticalKeyArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        CriticalKeyDefinition definition = args.key();
        Provider home = ChildOptions.requireProvider(args.providers().get(args.homeRegion()), TYPE);

        KeyArgs.Builder keyArgs = KeyArgs.builder()
                .description(definition.description())
                .deletionWindowInDays(definition.deletionWindowInDays())
                .enableKeyRotation(true)
                .multiRegion(definition.multiRegion())
                .policy(args.policies().get(args.homeRegion()));
        definition.rotationPeriodInDays().ifPresent(keyArgs::rotationPeriodInDays);
        Key key = new Key(name + "-key", keyArgs.build(), Protection.of(this, home));
        this.keyArn = key.arn();
        this.keyId = key.keyId();
        this.aliasName = definition.aliasName();
        new Alias(name + "-alias", AliasArgs.builder()
                .name(aliasName)
                .targetKeyId(key.keyId())
                .build(), Protection.of(this, home));

        for (String region : definition.replicaRegions()) {
            Provider provider = ChildOptions.requireProvider(args.providers().get(region), TYPE);
            // A replica takes its rotation from the primary key, but has its own key policy and window.
            ReplicaKey replica = new ReplicaKey(name + "-replica-" + region, ReplicaKeyArgs.builder()
                    .primaryKeyArn(key.arn())
                    .description(definition.description())
                    .deletionWindowInDays(definition.deletionWindowInDays())
                    .policy(args.policies().get(region))
                    .build(), Protection.of(this, provider));
            new Alias(name + "-alias-" + region, AliasArgs.builder()
                    .name(aliasName)
                    .targetKeyId(replica.keyId())
                    .build(), Protection.of(this, provider));
            replicaKeyArns.put(region, replica.arn());
        }

        registerOutputs(new TreeMap<>(Map.of("keyArn", keyArn, "aliasName", Output.of(aliasName))));
    }

    public Output<String> keyArn() {
        return keyArn;
    }

    public Output<String> keyId() {
        return keyId;
    }

    public String aliasName() {
        return aliasName;
    }

    /** Replica key ARNs by region. */
    public Map<String, Output<String>> replicaKeyArns() {
        return Map.copyOf(replicaKeyArns);
    }
}
