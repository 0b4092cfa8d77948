package io.github.deletionguard.detection;

import com.google.gson.JsonObject;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.testing.CloudTrailSamples;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.EventRuleMatcher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import static io.github.deletionguard.detection.NotifiedEvent.KEY_DELETION;
import static io.github.deletionguard.detection.NotifiedEvent.KEY_DELETION_FAILED;
import static io.github.deletionguard.detection.NotifiedEvent.KEY_PENDING_DELETION_USE;
import static io.github.deletionguard.detection.NotifiedEvent.RULE_TAMPERING;
import static io.github.deletionguard.detection.NotifiedEvent.SECRET_DELETION;
import static io.github.deletionguard.detection.NotifiedEvent.SECRET_FORCE_DELETION;
import static io.github.deletionguard.detection.NotifiedEvent.SECRET_MARKED_FOR_DELETION_ACCESS;
import static io.github.deletionguard.testing.EventBridgeEvents.apiCall;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staging stack's sandbox account (in the ephemeral scope by its OU) against a workload account,
 * through AWS's Event Ruler on the central bus's rules: a sandbox's deletions reach the digest's
 * rule and no paging rule, the same calls anywhere else page and stay out of the digest, tampering
 * with the guard pages from a sandbox too, and the sandbox still forwards them all.
 */
class EphemeralDigestPatternsTest {
    private static final String SANDBOX = "250000000005";
    private static final String PAYMENTS = "230000000003";
    private static final String DIGEST = "digest";

    /** Each deletion-kind event and what it pages outside a sandbox, in any-deletion mode. */
    private static Map<String, JsonObject> deletionEvents(String account) {
        Map<String, JsonObject> events = new LinkedHashMap<>();
        events.put("ScheduleKeyDeletion", in(account, CloudTrailSamples.SCHEDULE_KEY_DELETION, record -> { }));
        events.put("DeleteSecret with a window", in(account, CloudTrailSamples.DELETE_SECRET, record -> { }));
        events.put("DeleteSecret forced", in(account, CloudTrailSamples.DELETE_SECRET, record -> {
            JsonObject parameters = record.getAsJsonObject("requestParameters");
            parameters.remove("recoveryWindowInDays");
            parameters.addProperty("forceDeleteWithoutRecovery", true);
        }));
        events.put("Decrypt with a key pending deletion", in(account, CloudTrailSamples.DECRYPT_KEY_PENDING_DELETION, record -> { }));
        events.put("GetSecretValue of a secret marked for deletion",
                in(account, CloudTrailSamples.GET_SECRET_VALUE_MARKED_FOR_DELETION, record -> { }));
        events.put("ScheduleKeyDeletion denied", in(account, "kms/schedule-key-deletion-denied-by-scp.json", record -> { }));
        return events;
    }

    private static final Map<String, NotifiedEvent> PAGES = Map.of(
            "ScheduleKeyDeletion", KEY_DELETION,
            "DeleteSecret with a window", SECRET_DELETION,
            "DeleteSecret forced", SECRET_FORCE_DELETION,
            "Decrypt with a key pending deletion", KEY_PENDING_DELETION_USE,
            "GetSecretValue of a secret marked for deletion", SECRET_MARKED_FOR_DELETION_ACCESS,
            "ScheduleKeyDeletion denied", KEY_DELETION_FAILED);

    @ParameterizedTest
    @EnumSource(AlarmMode.class)
    void aSandboxsDeletionsReachTheDigestAndPageNobody(AlarmMode mode) {
        PreparedForwarding forwarding = forwarding(mode);
        Map<String, String> central = centralRules(forwarding);
        deletionEvents(SANDBOX).forEach((name, event) -> {
            if (!forwardedAtAll(forwarding, event)) {
                return; // access-only does not forward denied deletions at all
            }
            assertEquals(Set.of(DIGEST), EventRuleMatcher.matching(central, event), mode + ": " + name);
        });
    }

    @ParameterizedTest
    @EnumSource(AlarmMode.class)
    void theSameCallsInAWorkloadAccountPageAndStayOutOfTheDigest(AlarmMode mode) {
        PreparedForwarding forwarding = forwarding(mode);
        Map<String, String> central = centralRules(forwarding);
        deletionEvents(PAYMENTS).forEach((name, event) -> {
            NotifiedEvent kind = PAGES.get(name);
            Set<String> expected = kind.modes().contains(mode) ? Set.of(kind.id()) : Set.of();
            assertEquals(expected, EventRuleMatcher.matching(central, event), mode + ": " + name);
        });
    }

    @ParameterizedTest
    @EnumSource(AlarmMode.class)
    void tamperingWithTheGuardPagesFromASandbox(AlarmMode mode) {
        Map<String, String> central = centralRules(forwarding(mode));
        JsonObject disableRule = apiCall(CloudTrailSamples.variant("events/disable-rule.json", record -> {
            inAccount(SANDBOX).accept(record);
            record.getAsJsonObject("requestParameters").addProperty("name", "deletion-guard-forward-deletion-events");
        }));
        assertEquals(Set.of(RULE_TAMPERING.id()), EventRuleMatcher.matching(central, disableRule));
    }

    /**
     * The attacker's try: a workload account's deletion dressed as a sandbox's. The central bus
     * matches the envelope's {@code account}, which EventBridge sets to the account the event
     * came from (PutEvents cannot set it, nor use an {@code aws.} source, and the bus admits only
     * the forwarding rules); every account field inside the CloudTrail record is the caller's.
     */
    @ParameterizedTest
    @EnumSource(AlarmMode.class)
    void aWorkloadCannotPassItsDeletionsOffAsASandboxs(AlarmMode mode) {
        Map<String, String> central = centralRules(forwarding(mode));
        JsonObject dressedUp = in(SANDBOX, CloudTrailSamples.SCHEDULE_KEY_DELETION, record ->
                record.getAsJsonObject("requestParameters").addProperty("keyId",
                        "arn:aws:kms:us-west-2:" + SANDBOX + ":key/1234abcd-12ab-34cd-56ef-1234567890ab"));
        dressedUp.addProperty("account", PAYMENTS);
        assertEquals(Set.of(KEY_DELETION.id()), EventRuleMatcher.matching(central, dressedUp));
    }

    @ParameterizedTest
    @EnumSource(AlarmMode.class)
    void theSandboxStillForwardsItsDeletionsForTheDigest(AlarmMode mode) {
        PreparedForwarding forwarding = forwarding(mode);
        deletionEvents(SANDBOX).forEach((name, event) -> {
            if (PAGES.get(name).modes().contains(mode)) {
                assertTrue(forwardedAtAll(forwarding, event), mode + ": " + name + " is not forwarded");
            }
        });
    }

    private static boolean forwardedAtAll(PreparedForwarding forwarding, JsonObject event) {
        return forwarding.memberRules().stream().anyMatch(rule -> EventRuleMatcher.matches(rule.pattern(), event));
    }

    private static PreparedForwarding forwarding(AlarmMode mode) {
        return PreparedForwarding.prepare(ConfigBuilder.stackFile("staging").alarmMode(mode).load(),
                PolicyFiles.inProjectRoot(), Optional.empty());
    }

    /** Every central bus rule's pattern by kind id, and the digest's as {@value #DIGEST}. */
    private static Map<String, String> centralRules(PreparedForwarding forwarding) {
        Map<String, String> rules = new TreeMap<>();
        forwarding.centralRules().forEach(rule -> rules.put(rule.kind().id(), rule.pattern()));
        rules.put(DIGEST, forwarding.ephemeralDigest().orElseThrow().pattern());
        return rules;
    }

    private static JsonObject in(String account, String sample, Consumer<JsonObject> change) {
        return apiCall(CloudTrailSamples.variant(sample, record -> {
            inAccount(account).accept(record);
            change.accept(record);
        }));
    }

    /** The record as CloudTrail writes it for a call in the account, whose envelope EventBridge gives that account. */
    private static Consumer<JsonObject> inAccount(String account) {
        return record -> {
            record.addProperty("recipientAccountId", account);
            record.getAsJsonObject("userIdentity").addProperty("accountId", account);
        };
    }
}
