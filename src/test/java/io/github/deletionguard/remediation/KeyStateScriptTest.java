package io.github.deletionguard.remediation;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.documents.PolicyFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The script that decides whether a key was enabled when its deletion was scheduled, run with
 * Python against CloudTrail event histories (boto3 replaced by {@code fake_boto3.py}), because
 * re-enabling a key someone disabled on purpose is as wrong as leaving a used key disabled.
 */
class KeyStateScriptTest {
    private static final String KEY = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String OTHER_KEY = "arn:aws:kms:eu-central-1:111122223333:key/0000abcd-12ab-34cd-56ef-000000000000";
    private static final String SCHEDULED_AT = "2026-11-20T09:00:00Z";
    private static final Path HARNESS = Path.of("src", "test", "resources", "automation", "run_script.py");

    @TempDir
    static Path work;
    private static Path script;

    @BeforeAll
    static void extractTheScriptFromTheDocument() throws IOException {
        AutomationDocument document = AutomationDocument.load(PolicyFiles.inProjectRoot().file(Remediation.DOCUMENT_FILE));
        Map<?, ?> inputs = (Map<?, ?>) document.step("CheckKeyStateBeforeDeletion").get("inputs");
        script = Files.writeString(work.resolve("key_state.py"), (String) inputs.get("Script"));
    }

    @Test
    void aKeyNobodyDisabledWasEnabled() throws Exception {
        assertDecision(true, "no DisableKey of the key in the 90 days before its deletion was scheduled", List.of());
    }

    @Test
    void aKeyDisabledBeforeTheDeletionWasScheduledStaysDisabled() throws Exception {
        assertDecision(false, "disabled at 2026-11-10T08:00:00+00:00 and not enabled again before the deletion was scheduled",
                List.of(event("DisableKey", "2026-11-10T08:00:00+00:00", KEY, false)));
    }

    @Test
    void aKeyEnabledAgainAfterBeingDisabledWasEnabled() throws Exception {
        assertDecision(true, "enabled at 2026-11-12T08:00:00+00:00 after being disabled at 2026-11-10T08:00:00+00:00",
                List.of(event("DisableKey", "2026-11-10T08:00:00+00:00", KEY, false),
                        event("EnableKey", "2026-11-12T08:00:00+00:00", KEY, false)));
    }

    @Test
    void theLatestChangeDecidesWhenAKeyWasToggledSeveralTimes() throws Exception {
        assertDecision(false, "disabled at 2026-11-15T08:00:00+00:00 and not enabled again before the deletion was scheduled",
                List.of(event("DisableKey", "2026-11-01T08:00:00+00:00", KEY, false),
                        event("EnableKey", "2026-11-05T08:00:00+00:00", KEY, false),
                        event("DisableKey", "2026-11-15T08:00:00+00:00", KEY, false)));
    }

    @Test
    void failedCallsOtherKeysAndLaterEventsChangeNothing() throws Exception {
        assertDecision(true, "no DisableKey of the key in the 90 days before its deletion was scheduled",
                List.of(event("DisableKey", "2026-11-10T08:00:00+00:00", KEY, true),
                        event("DisableKey", "2026-11-10T09:00:00+00:00", OTHER_KEY, false),
                        event("DisableKey", "2026-11-21T08:00:00+00:00", KEY, false)));
    }

    @Test
    void aDisableOlderThanTheEventHistoryIsNotSeen() throws Exception {
        assertDecision(true, "no DisableKey of the key in the 90 days before its deletion was scheduled",
                List.of(event("DisableKey", "2026-08-01T08:00:00+00:00", KEY, false)));
    }

    private static void assertDecision(boolean wasEnabled, String evidence, List<JsonObject> history) throws Exception {
        JsonArray events = new JsonArray();
        history.forEach(events::add);
        Path lookupEvents = Files.writeString(Files.createTempFile(work, "events", ".json"), events.toString());
        JsonObject payload = new JsonObject();
        payload.addProperty("KeyArn", KEY);
        payload.addProperty("ScheduledAt", SCHEDULED_AT);

        ProcessBuilder python = new ProcessBuilder("python3", HARNESS.toString(), script.toString(),
                "was_enabled_before", payload.toString()).redirectErrorStream(true);
        python.environment().put("LOOKUP_EVENTS", lookupEvents.toString());
        Process process = python.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("the script failed:\n" + output);
        }
        JsonObject result = JsonParser.parseString(output).getAsJsonObject();
        assertEquals(wasEnabled, result.get("WasEnabled").getAsBoolean(), output);
        assertEquals(evidence, result.get("Evidence").getAsString());
    }

    /** One LookupEvents result, with the CloudTrail record as the CloudTrailEvent text. */
    private static JsonObject event(String eventName, String time, String keyArn, boolean failed) {
        JsonObject resource = new JsonObject();
        resource.addProperty("accountId", "111122223333");
        resource.addProperty("type", "AWS::KMS::Key");
        resource.addProperty("ARN", keyArn);
        JsonArray resources = new JsonArray();
        resources.add(resource);
        JsonObject record = new JsonObject();
        record.addProperty("eventName", eventName);
        record.addProperty("eventTime", time);
        record.add("resources", resources);
        if (failed) {
            record.addProperty("errorCode", "AccessDeniedException");
        }
        JsonObject event = new JsonObject();
        event.addProperty("EventName", eventName);
        event.addProperty("EventTime", time);
        event.addProperty("CloudTrailEvent", record.toString());
        return event;
    }
}
