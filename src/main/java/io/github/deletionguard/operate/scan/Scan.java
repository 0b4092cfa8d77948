package io.github.deletionguard.operate.scan;

import io.github.deletionguard.awsapi.ServicePrincipals;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.operate.Finding;
import io.github.deletionguard.operate.Operation;
import io.github.deletionguard.operate.Place;
import io.github.deletionguard.operate.aws.AccountClients;
import io.github.deletionguard.operate.aws.AwsErrors;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.MultiRegionKey;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code scan <stack>}: keys and secrets already pending deletion, which event rules deployed
 * today can never see, with the days left and what depends on each key. Read-only.
 */
public final class Scan {
    static final String CHECK_KEY = "key-pending-deletion";
    static final String CHECK_SECRET = "secret-pending-deletion";

    private final Operation operation;

    public Scan(Operation operation) {
        this.operation = operation;
    }

    /** Pending deletions first, soonest first; then one pass per place with none. */
    public List<Finding> run() {
        List<Finding> findings = new ArrayList<>(operation.fanOut().run("scan", places(), this::scanPlace));
        findings.sort(Comparator.comparing((Finding finding) -> finding.facts().containsKey("daysLeft") ? 0 : 1)
                .thenComparing(finding -> ((Number) finding.facts().getOrDefault("daysLeft", 0L)).longValue()));
        return findings;
    }

    /** Every configured account and region, and the security account wherever it holds critical keys. */
    private List<Place> places() {
        Set<Place> places = new LinkedHashSet<>();
        operation.config().accounts().forEach(member -> member.regions().forEach(region -> places.add(new Place(member.id(), region))));
        operation.config().criticalResources().regions(operation.homeRegion())
                .forEach(region -> places.add(new Place(operation.securityAccountId(), region)));
        return List.copyOf(places);
    }

    /**
     * One place: secrets first (a key's dependents include them), then keys. A list that cannot be
     * read, or a key whose policy does not let the access role describe it, is an error of its own;
     * the rest of the place is still scanned.
     */
    private List<Finding> scanPlace(Place place) {
        AccountClients clients = operation.sessions().in(place.account(), place.region());
        clients.reach();
        List<Finding> findings = new ArrayList<>();
        List<SecretListEntry> secrets = List.of();
        try {
            secrets = clients.secretsManager().listSecretsPaginator(request -> request.includePlannedDeletion(true))
                    .stream().flatMap(page -> page.secretList().stream()).toList();
        } catch (RuntimeException e) {
            findings.add(Finding.error(CHECK_SECRET, place, "cannot list secrets: " + AwsErrors.message(e),
                    "give the access role secretsmanager:ListSecrets."));
        }
        KmsClient kms = clients.kms();
        List<String> keyIds = List.of();
        try {
            keyIds = kms.listKeysPaginator(request -> { }).stream().flatMap(page -> page.keys().stream()).map(KeyListEntry::keyId).toList();
        } catch (RuntimeException e) {
            findings.add(Finding.error(CHECK_KEY, place, "cannot list keys: " + AwsErrors.message(e), "give the access role kms:ListKeys."));
        }
        for (String keyId : keyIds) {
            try {
                KeyMetadata key = kms.describeKey(request -> request.keyId(keyId)).keyMetadata();
                if (key.keyState() == KeyState.PENDING_DELETION || key.keyState() == KeyState.PENDING_REPLICA_DELETION) {
                    findings.add(pendingKey(kms, place, key, secrets));
                }
            } catch (RuntimeException e) {
                findings.add(Finding.error(CHECK_KEY, place, "cannot read key " + keyId + ": " + AwsErrors.message(e),
                        "its key policy must let the account's IAM policies decide (the default key policy) or name the access role"
                                + " for kms:DescribeKey, ListAliases and ListGrants: a key no one can read may be pending deletion unseen."));
            }
        }
        for (SecretListEntry secret : secrets) {
            if (secret.deletedDate() != null) {
                findings.add(pendingSecret(clients, place, secret));
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.pass("nothing-pending", place, "no key or secret pending deletion"));
        }
        return findings;
    }

    /** ListSecrets lags by minutes; DescribeSecret has the date the deletion happens. */
    private Finding pendingSecret(AccountClients clients, Place place, SecretListEntry secret) {
        Instant deletion;
        try {
            Instant described = clients.secretsManager().describeSecret(request -> request.secretId(secret.arn())).deletedDate();
            deletion = described == null ? secret.deletedDate() : described;
        } catch (RuntimeException e) {
            deletion = secret.deletedDate();
        }
        long days = daysLeft(deletion);
        return Finding.fail(CHECK_SECRET, place, secret.name() + " is deleted in " + days + " days (" + deletion + ")",
                "if it is still needed: aws secretsmanager restore-secret --secret-id " + secret.arn()
                        + " --region " + place.region()).withFacts(secretFacts(days, secret.arn()));
    }

    private Finding pendingKey(KmsClient kms, Place place, KeyMetadata key, List<SecretListEntry> secrets) {
        // A primary key waiting for its replicas to go has no deletion date yet: its window starts when the last replica is gone.
        boolean waitsForReplicas = key.keyState() == KeyState.PENDING_REPLICA_DELETION;
        Instant deletion = key.deletionDate() != null ? key.deletionDate()
                : operation.clock().instant().plus(Duration.ofDays(key.pendingDeletionWindowInDays()));
        long days = daysLeft(deletion);
        List<String> replicas = key.multiRegionConfiguration() == null ? List.of()
                : key.multiRegionConfiguration().replicaKeys().stream().map(MultiRegionKey::region).sorted().toList();
        List<String> aliases = kms.listAliasesPaginator(request -> request.keyId(key.keyId())).stream()
                .flatMap(page -> page.aliases().stream()).map(alias -> alias.aliasName()).toList();
        List<GrantListEntry> grants = kms.listGrantsPaginator(request -> request.keyId(key.keyId())).stream()
                .flatMap(page -> page.grants().stream()).toList();
        List<String> serviceGrants = grants.stream().map(GrantListEntry::granteePrincipal)
                .filter(grantee -> grantee != null && grantee.endsWith(ServicePrincipals.SUFFIX)).distinct().sorted().toList();
        Set<String> namesOfKey = new LinkedHashSet<>(List.of(key.keyId(), key.arn()));
        aliases.forEach(alias -> {
            namesOfKey.add(alias);
            namesOfKey.add(Arns.kmsAlias(place.region(), place.account(), alias));
        });
        List<String> encryptedSecrets = secrets.stream().filter(secret -> secret.kmsKeyId() != null && namesOfKey.contains(secret.kmsKeyId()))
                .map(SecretListEntry::name).sorted().toList();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("daysLeft", days);
        facts.put("key", key.arn());
        facts.put("keyState", key.keyStateAsString());
        facts.put("aliases", aliases);
        facts.put("secrets", encryptedSecrets);
        facts.put("grants", grants.size());
        facts.put("serviceGrantees", serviceGrants);
        if (waitsForReplicas) {
            facts.put("replicaRegions", replicas);
        }
        String dependents = "aliases " + aliases + ", secrets " + encryptedSecrets + ", " + grants.size() + " grants"
                + (serviceGrants.isEmpty() ? "" : " (AWS services " + serviceGrants + ")");
        String when = waitsForReplicas
                ? "is deleted at the earliest " + days + " days after its replicas in " + replicas + " are gone"
                : "is deleted in " + days + " days (" + deletion + ")";
        return Finding.fail(CHECK_KEY, place, key.arn() + " (" + key.keyStateAsString() + ") " + when + "; depends on it: " + dependents,
                "unless nothing uses it: aws kms cancel-key-deletion --key-id " + key.keyId() + " --region " + place.region()
                        + " && aws kms enable-key --key-id " + key.keyId() + " --region " + place.region()).withFacts(facts);
    }

    /** In this order in {@code --json}. */
    private static Map<String, Object> secretFacts(long days, String arn) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("daysLeft", days);
        facts.put("secret", arn);
        return facts;
    }

    /** Whole days left, rounded up: a deletion 2 hours away has 1 day left, not 0. */
    long daysLeft(Instant deletion) {
        long seconds = Duration.between(operation.clock().instant(), deletion).getSeconds();
        return Math.max(0, (seconds + 86_399) / 86_400);
    }
}
