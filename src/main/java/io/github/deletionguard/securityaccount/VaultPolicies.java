package io.github.deletionguard.securityaccount;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.config.CriticalKeyDefinition;
import io.github.deletionguard.config.CriticalResources;
import io.github.deletionguard.config.CriticalSecretDefinition;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.WorkloadPrincipal;
import io.github.deletionguard.documents.InvalidPolicyException;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.documents.PolicyTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The key policy of every critical key in every region it exists in, and the resource policy of
 * every critical secret, rendered from the reviewed files in {@code policy/} before anything is
 * registered. A statement whose principal list comes out empty (a key without users, say) is
 * left out: AWS rejects a statement without principals.
 */
public final class VaultPolicies {
    public static final String KEY_POLICY_FILE = "critical-key-policy.json";
    public static final String SECRET_POLICY_FILE = "critical-secret-policy.json";
    // The size limits AWS documents for a key policy and a secret's resource policy.
    private static final int MAX_KEY_POLICY_BYTES = 32_768;
    private static final int MAX_SECRET_POLICY_CHARACTERS = 20_480;
    private static final Gson MINIFIED = new GsonBuilder().disableHtmlEscaping().create();

    private final Map<String, Map<String, String>> keyPoliciesByAliasAndRegion = new HashMap<>();
    private final Map<String, String> secretPoliciesByName = new HashMap<>();

    private VaultPolicies() {
    }

    public static VaultPolicies render(GuardConfig config, PolicyFiles files) {
        PolicyTemplate keyTemplate = files.load(KEY_POLICY_FILE);
        PolicyTemplate secretTemplate = files.load(SECRET_POLICY_FILE);
        VaultPolicies policies = new VaultPolicies();
        CriticalResources resources = config.criticalResources();
        String securityRoot = Arns.accountRoot(config.securityAccount().account().id());
        // The role Pulumi deploys with: the one principal that may change the policies, replicas and keys.
        String deployer = Arns.iamRole(config.securityAccount().account().id(), config.organization().accessRoleName());
        String homeRegion = config.securityAccount().homeRegion();
        for (CriticalKeyDefinition key : resources.keys()) {
            Map<String, String> byRegion = new HashMap<>();
            List<String> regions = new ArrayList<>(List.of(homeRegion));
            regions.addAll(key.replicaRegions());
            for (String region : regions) {
                String document = minified(keyTemplate, keyPolicyValues(key, region, homeRegion, securityRoot, deployer, resources));
                checkSize(document.getBytes(StandardCharsets.UTF_8).length, MAX_KEY_POLICY_BYTES,
                        "the key policy of " + key.aliasName() + " in " + region);
                byRegion.put(region, document);
            }
            policies.keyPoliciesByAliasAndRegion.put(key.alias(), byRegion);
        }
        for (CriticalSecretDefinition secret : resources.secrets()) {
            Set<String> workloads = new LinkedHashSet<>(arns(secret.readers()));
            workloads.addAll(arns(secret.writers()));
            Set<String> valueWriters = new TreeSet<>(List.of(deployer));
            secret.writers().forEach(writer -> valueWriters.add(writer.principalArnPattern()));
            String document = minified(secretTemplate, Map.of(
                    "readers", arns(secret.readers()),
                    "writers", arns(secret.writers()),
                    "workloads", List.copyOf(workloads),
                    "deployerArn", deployer,
                    "valueWriterArns", List.copyOf(valueWriters),
                    "recoveryWindowInDays", Integer.toString(secret.recoveryWindowInDays())));
            checkSize(document.length(), MAX_SECRET_POLICY_CHARACTERS, "the resource policy of secret " + secret.name());
            policies.secretPoliciesByName.put(secret.name(), document);
        }
        return policies;
    }

    public String keyPolicy(String alias, String region) {
        return keyPoliciesByAliasAndRegion.get(alias).get(region);
    }

    public String secretPolicy(String secretName) {
        return secretPoliciesByName.get(secretName);
    }

    /**
     * Users go either to the direct statement or, when the key names services, only to the one
     * conditioned on {@code kms:ViaService}. Secret readers may decrypt only through Secrets
     * Manager in a region where a copy of their secret lives.
     */
    private static Map<String, Object> keyPolicyValues(CriticalKeyDefinition key, String region, String homeRegion,
                                                       String securityRoot, String deployer, CriticalResources resources) {
        List<String> users = arns(key.users());
        boolean throughServices = !key.viaServices().isEmpty();
        Set<String> readers = new LinkedHashSet<>();
        Set<String> writers = new LinkedHashSet<>();
        for (CriticalSecretDefinition secret : resources.secretsEncryptedWith(key.alias())) {
            if (region.equals(homeRegion) || secret.replicaRegions().contains(region)) {
                readers.addAll(arns(secret.readers()));
                writers.addAll(arns(secret.writers()));
            }
        }
        Set<String> workloads = new LinkedHashSet<>(users);
        workloads.addAll(readers);
        workloads.addAll(writers);
        return Map.ofEntries(
                Map.entry("securityAccountRoot", securityRoot),
                Map.entry("deployerArn", deployer),
                Map.entry("directUsers", throughServices ? List.of() : users),
                Map.entry("serviceUsers", throughServices ? users : List.of()),
                Map.entry("serviceEndpoints", key.viaServices().stream().map(service -> endpoint(service, region)).toList()),
                Map.entry("users", users),
                Map.entry("secretReaders", List.copyOf(readers)),
                Map.entry("secretWriters", List.copyOf(writers)),
                Map.entry("secretsManagerEndpoint", endpoint("secretsmanager", region)),
                Map.entry("workloadPrincipals", List.copyOf(workloads)),
                Map.entry("deletionWindowInDays", Integer.toString(key.deletionWindowInDays())));
    }

    /** The value of {@code kms:ViaService} for requests a service makes in a region. */
    private static String endpoint(String service, String region) {
        return service + "." + region + ".amazonaws.com";
    }

    private static List<String> arns(Collection<WorkloadPrincipal> principals) {
        return principals.stream().map(WorkloadPrincipal::arn).distinct().toList();
    }

    private static String minified(PolicyTemplate template, Map<String, ?> values) {
        JsonObject document = template.fill(values);
        JsonArray kept = new JsonArray();
        for (JsonElement statement : document.getAsJsonArray("Statement")) {
            if (!hasNoPrincipals(statement.getAsJsonObject())) {
                kept.add(statement);
            }
        }
        document.add("Statement", kept);
        return MINIFIED.toJson(document);
    }

    private static boolean hasNoPrincipals(JsonObject statement) {
        JsonObject principals = statement.getAsJsonObject("Principal");
        JsonElement principal = principals == null ? null : principals.get("AWS");
        return principal != null && principal.isJsonArray() && principal.getAsJsonArray().isEmpty();
    }

    private static void checkSize(int size, int limit, String what) {
        if (size > limit) {
            throw new InvalidPolicyException(what + " would be " + size + " long; AWS accepts at most " + limit
                    + ". List whole accounts instead of many roles of the same account.");
        }
    }
}
