package io.github.deletionguard.patterns;

import com.google.gson.JsonObject;
import io.github.deletionguard.config.ApprovedDeletion;
import io.github.deletionguard.config.ApprovedResource;
import io.github.deletionguard.testing.EventRuleMatcher;
import io.github.deletionguard.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.github.deletionguard.testing.EventBridgeEvents.apiCall;
import static io.github.deletionguard.testing.EventBridgeEvents.calledByRole;
import static io.github.deletionguard.testing.EventBridgeEvents.cloudTrailRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An approval's own call, as Event Ruler decides it, for a secret approved by name pattern: IAM's
 * {@code ?} has no EventBridge counterpart, so each run of wildcards becomes one {@code *}.
 */
class ApprovedCallsTest {
    private static final String DEPLOYER = "arn:aws:iam::123456789012:role/ci/deployer";

    private static ApprovedDeletion approval(String resource) {
        return new ApprovedDeletion(ApprovedResource.parse(resource).orElseThrow(), TestClock.TODAY.plusDays(5), "CHG-2",
                "cab", "teardown", DEPLOYER);
    }

    private static Map<String, JsonObject> events() {
        JsonObject delete = cloudTrailRecord("delete-secret.json");
        JsonObject forced = delete.deepCopy();
        forced.getAsJsonObject("requestParameters").remove("recoveryWindowInDays");
        forced.getAsJsonObject("requestParameters").addProperty("forceDeleteWithoutRecovery", true);
        JsonObject other = delete.deepCopy();
        other.getAsJsonObject("responseElements").addProperty("aRN",
                "arn:aws:secretsmanager:us-west-2:123456789012:secret:Payments/Key-z9y8x7");
        Map<String, JsonObject> events = new LinkedHashMap<>();
        events.put("approved role deletes a matching secret", apiCall(calledByRole(delete, "/ci/", "deployer")));
        events.put("approved role force-deletes a matching secret", apiCall(calledByRole(forced, "/ci/", "deployer")));
        events.put("approved role deletes another secret", apiCall(calledByRole(other, "/ci/", "deployer")));
        events.put("another role deletes a matching secret", apiCall(calledByRole(delete, "/", "deployer")));
        events.put("root deletes a matching secret", apiCall(delete));
        return events;
    }

    private static Map<String, Boolean> matched(ApprovedDeletion approval) {
        String pattern = ApprovedCalls.of(approval).render();
        Map<String, Boolean> matched = new LinkedHashMap<>();
        events().forEach((name, event) -> matched.put(name, EventRuleMatcher.matches(pattern, event)));
        return matched;
    }

    @Test
    void aSecretPatternMatchesOnlyTheApprovedRolesRecoverableDeletionOfMatchingSecrets() {
        Map<String, Boolean> expected = new LinkedHashMap<>();
        expected.put("approved role deletes a matching secret", true);
        expected.put("approved role force-deletes a matching secret", false);
        expected.put("approved role deletes another secret", false);
        expected.put("another role deletes a matching secret", false);
        expected.put("root deletes a matching secret", false);

        assertEquals(expected, matched(approval("arn:aws:secretsmanager:us-west-2:123456789012:secret:MyDatabase*")));
        assertEquals(expected, matched(approval("arn:aws:secretsmanager:us-west-2:123456789012:secret:MyDatabaseSecret-??????")));
        assertEquals(expected, matched(approval("arn:aws:secretsmanager:us-west-2:123456789012:secret:MyDatabaseSecret-a1b2c3")));
    }
}
