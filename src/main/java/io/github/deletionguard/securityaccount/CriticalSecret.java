package io.github.deletionguard.securityaccount;

import io.github.deletionguard.providers.Protection;
import com.pulumi.aws.Provider;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretPolicy;
import com.pulumi.aws.secretsmanager.SecretPolicyArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.aws.secretsmanager.inputs.SecretReplicaArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.providers.ChildOptions;
import io.github.deletionguard.config.CriticalSecretDefinition;

import java.util.List;
import java.util.Map;

/**
 * One critical secret in the security account, encrypted with a critical key (and, in each
 * replica region, with that key's replica), readable only by its listed readers. The secret,
 * its policy and its value are protected and retained (see {@link Protection}).
 */
public final class CriticalSecret extends ComponentResource {
    public static final String TYPE = "deletion-guard:securityaccount:CriticalSecret";

    private final Output<String> secretArn;

    public CriticalSecret(String name, CriticalSecretArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        CriticalSecretDefinition definition = args.secret();
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);

        List<SecretReplicaArgs> replicas = definition.replicaRegions().stream()
                .map(region -> SecretReplicaArgs.builder()
                        .region(region)
                        .kmsKeyId(args.replicaKeyArns().get(region))
                        .build())
                .toList();
        Secret secret = new Secret(name + "-secret", SecretArgs.builder()
                .name(definition.name())
                .description(definition.description())
                .kmsKeyId(args.keyArn())
                .recoveryWindowInDays(definition.recoveryWindowInDays())
                .replicas(replicas)
                // Never take over a secret of the same name that already exists in a replica region.
                .forceOverwriteReplicaSecret(false)
                .build(), Protection.of(this, provider));
        this.secretArn = secret.arn();

        new SecretPolicy(name + "-policy", SecretPolicyArgs.builder()
                .secretArn(secret.arn())
                .policy(args.policy())
                .blockPublicPolicy(true)
                .build(), Protection.of(this, provider));

        args.value().ifPresent(value -> new SecretVersion(name + "-value", SecretVersionArgs.builder()
                .secretId(secret.arn())
                .secretString(value)
                .build(), Protection.of(this, provider)));

        registerOutputs(Map.of("secretArn", secretArn));
    }

    public Output<String> secretArn() {
        return secretArn;
    }
}
