package io.github.deletionguard.securityaccount;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import io.github.deletionguard.config.CriticalSecretDefinition;

import java.util.Map;
import java.util.Optional;

/**
 * @param provider       the security account's provider in the home region (replicas are made by Secrets Manager)
 * @param keyArn         the critical key that encrypts the secret
 * @param replicaKeyArns the key's replica per replica region of the secret
 * @param policy         the rendered resource policy
 * @param value          the value from secret config, still an Output marked secret; empty creates the secret empty
 */
public record CriticalSecretArgs(
        CriticalSecretDefinition secret,
        Provider provider,
        Output<String> keyArn,
        Map<String, Output<String>> replicaKeyArns,
        String policy,
        Optional<Output<String>> value) {

    public CriticalSecretArgs {
        replicaKeyArns = Map.copyOf(replicaKeyArns);
    }
}
