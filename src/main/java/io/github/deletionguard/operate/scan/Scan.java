package io.github.deletionguard.operate.scan;

import io.github.deletionguard.operate.Finding;
import io.github.deletionguard.operate.Operation;
import io.github.deletionguard.operate.Place;
import io.github.deletionguard.operate.aws.AccountClients;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GrantListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
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
    private static final String SERVICE_PRINCIPAL_SUFFIX = ".amazonaws.com";

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

    private List<Finding> scanPlace(Place place) {
        AccountClients clients = operation.sessions().in(place.account(), place.region());
        List<SecretListEntry> secrets = clients.secretsManager().listSecretsPaginator(request -> request.includePlannedDeletion(true))
                .stream().flatMap(page -> page.secretList().stream()).toList();
        List<Finding> findings = new ArrayList<>();
        KmsClient kms = clients.kms();
        kms.listKeysPaginator(request -> { }).stream().flatMap(page -> page.keys().stream()).forEach(entry -> {
            KeyMetadata key = kms.describeKey(request -> request.keyId(entry.keyId())).keyMetadata();
            if (key.keyState() == KeyState.PENDING_DELETION || key.keyState() == KeyState.PENDING_REPLICA_DELETION) {
                findings.add(pendingKey(kms, place, key, secrets));
            }
        });
        for (SecretListEntry secret : secrets) {
            if (secret.deletedDate() != null) {
                // ListSecrets lags by minutes; DescribeSecret has the date the deletion happens.
                Instant deletion = clients.secretsManager().describeSecret(request -> request.secretId(secret.arn())).deletedDate();
                long days = daysLeft(deletion == null ? secret.deletedDate() : deletion);
                findings.add(Finding.fail(CHECK_SECRET, place, secret.name() + " is deleted in " + days + " days (" + deletion + ")",
                        "if it is still needed: aws secretsmanager restore-secret --secret-id " + secret.arn()
                                + " --region " + place.region()).withFacts(Map.of("daysLeft", days, "secret", secret.arn())));
            }
        }
        if (findings.isEmpty()) {
            findings.add(Finding.pass("nothing-pending", place, "no key or secret pending deletion"));
        }
        return findings;
    }

    private Finding pendingKey(KmsClient kms, Place place, KeyMetadata key, List<SecretListEntry> secrets) {
        Instant deletion = key.deletionDate() != null ? key.deletionDate() : operation.clock().instant().plus(Duration.ofDays(key.pendingDeletionWindowInDays()));
        long days = daysLeft(deletion);
        List<String> aliases = kms.listAliasesPaginator(request -> request.keyId(key.keyId())).stream()
                .flatMap(page -> page.aliases().stream()).map(alias -> alias.aliasName()).toList();
        List<GrantListEntry> grants = kms.listGrantsPaginator(request -> request.keyId(key.keyId())).stream()
                .flatMap(page -> page.grants().stream()).toList();
        List<String> serviceGrants = grants.stream().map(GrantListEntry::granteePrincipal)
                .filter(grantee -> grantee != null && grantee.endsWith(SERVICE_PRINCIPAL_SUFFIX)).distinct().sorted().toList();
        Set<String> namesOfKey = new LinkedHashSet<>(List.of(key.keyId(), key.arn()));
        aliases.forEach(alias -> {
            namesOfKey.add(alias);
            namesOfKey.add("arn:aws:kms:" + place.region() + ":" + place.account() + ":" + alias);
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
        String dependents = "aliases " + aliases + ", secrets " + encryptedSecrets + ", " + grants.size() + " grants"
                + (serviceGrants.isEmpty() ? "" : " (AWS services " + serviceGrants + ")");
        return Finding.fail(CHECK_KEY, place, key.arn() + " (" + key.keyStateAsString() + ") is deleted in " + days + " days ("
                        + deletion + "); depends on it: " + dependents,
                "unless nothing uses it: aws kms cancel-key-deletion --key-id " + key.keyId() + " --region " + place.region()
                        + " && aws kms enable-key --key-id " + key.keyId() + " --region " + place.region()).withFacts(facts);
    }

    /** Whole days left, rounded up: a deletion 2 hours away has 1 day left, not 0. */
    long daysLeft(Instant deletion) {
        long seconds = Duration.between(operation.clock().instant(), deletion).getSeconds();
        return Math.max(0, (seconds + 86_399) / 86_400);
    }
}
