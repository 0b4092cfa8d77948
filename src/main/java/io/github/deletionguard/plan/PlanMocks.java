package io.github.deletionguard.plan;

import com.pulumi.test.Mocks;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers registrations the way AWS would name things: each resource gets its inputs back plus an
 * id and an ARN in the account and region of its provider, so Outputs that depend on ARNs (alarm
 * actions, policy attachments) show realistic values offline.
 */
final class PlanMocks implements Mocks {
    private static final String KMS_KEY = "aws:kms/key:Key";
    private static final String KMS_REPLICA_KEY = "aws:kms/replicaKey:ReplicaKey";

    private final Map<String, PlannedResource.ProviderTarget> providersById = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> state = new HashMap<>(args.inputs);
        if (args.type.equals(PlannedResource.AWS_PROVIDER_TYPE)) {
            String id = "provider-" + args.name;
            providersById.put(id, ProviderInputs.target(args.inputs));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
        }
        if (!args.type.startsWith("aws:")) {
            // Components: nothing in AWS, nothing to simulate.
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name), state));
        }
        PlannedResource.ProviderTarget target = providerOf(args.provider);
        if (args.type.equals(KMS_KEY) || args.type.equals(KMS_REPLICA_KEY)) {
            String keyId = kmsKeyId(args, target);
            state.put("keyId", keyId);
            state.put("arn", "arn:aws:kms:" + target.region() + ":" + target.account() + ":key/" + keyId);
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(keyId), state));
        }
        String physicalName = args.inputs.getOrDefault("name", args.name).toString();
        state.putIfAbsent("name", physicalName);
        state.put("arn", arn(args.type, target, physicalName));
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(physicalName), state));
    }

    /**
     * KMS names keys by generated id, not by name; a multi-Region key's id starts with "mrk-"
     * and its replicas share the primary's id. Derived from the logical name, so stable.
     */
    private static String kmsKeyId(ResourceArgs args, PlannedResource.ProviderTarget target) {
        Object primaryArn = args.inputs.get("primaryKeyArn");
        if (primaryArn != null) {
            String arn = primaryArn.toString();
            return arn.substring(arn.lastIndexOf('/') + 1);
        }
        UUID id = UUID.nameUUIDFromBytes((target.account() + "/" + target.region() + "/" + args.name).getBytes(StandardCharsets.UTF_8));
        return Boolean.TRUE.equals(args.inputs.get("multiRegion")) ? "mrk-" + id.toString().replace("-", "") : id.toString();
    }

    /** Secrets Manager appends six random characters to a secret's name in its ARN. */
    private static String secretSuffix(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().substring(0, 6);
    }

    private PlannedResource.ProviderTarget providerOf(String providerReference) {
        if (providerReference == null || providerReference.isEmpty()) {
            return new PlannedResource.ProviderTarget("000000000000", "default-provider");
        }
        String id = providerReference.substring(providerReference.lastIndexOf("::") + 2);
        return providersById.getOrDefault(id, new PlannedResource.ProviderTarget("000000000000", "unknown"));
    }

    /** arn:aws:<service>:<region>:<account>:<kind>/<name>, with the formats AWS uses where we rely on them. */
    private static String arn(String type, PlannedResource.ProviderTarget target, String name) {
        String module = type.substring(type.indexOf(':') + 1, type.indexOf('/'));
        String kind = type.substring(type.lastIndexOf(':') + 1).toLowerCase();
        String prefix = "arn:aws:" + module + ":" + target.region() + ":" + target.account() + ":";
        return switch (type) {
            case "aws:sns/topic:Topic" -> prefix + name;
            case "aws:secretsmanager/secret:Secret" -> prefix + "secret:" + name + "-" + secretSuffix(name);
            case "aws:cloudwatch/metricAlarm:MetricAlarm" -> prefix + "alarm:" + name;
            case "aws:iam/role:Role", "aws:iam/policy:Policy" ->
                    "arn:aws:iam::" + target.account() + ":" + kind + "/" + name;
            default -> prefix + kind + "/" + name;
        };
    }
}
