package io.github.deletionguard.remediation;

import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.documents.InvalidPolicyException;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.naming.Tags;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The remediation Automation document as shipped: schema 0.3 with its parameters, steps and
 * outputs, and the order its steps run in for each event (cancel, then enable only if the key
 * was enabled before; restore a secret), walked the way Automation runs steps.
 */
class AutomationDocumentTest {
    private static final String DRILL_CHECK = "CheckDrillCleanup";
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{ *([A-Za-z0-9_.]+) *}}");
    private static final AutomationDocument DOCUMENT =
            AutomationDocument.load(PolicyFiles.inProjectRoot().file(PreparedRemediation.DOCUMENT_FILE));

    @Test
    void isASchemaZeroThreeDocumentWithItsStepsAndOutputs() {
        assertEquals(List.of(
                "CheckDrillCleanup:aws:executeScript",
                "SkipDrillCleanup:aws:branch",
                "ChooseRemediation:aws:branch",
                "RestoreSecret:aws:executeAwsApi",
                "CancelKeyDeletion:aws:executeAwsApi",
                "CheckKeyStateBeforeDeletion:aws:executeScript",
                "ChooseKeyState:aws:branch",
                "EnableKey:aws:executeAwsApi"),
                DOCUMENT.steps().stream().map(step -> step.get("name") + ":" + step.get("action")).toList());
        assertEquals(List.of("CheckDrillCleanup.Evidence", "RestoreSecret.RestoredSecretArn", "CancelKeyDeletion.CancelledKeyId",
                "CheckKeyStateBeforeDeletion.Decision", "CheckKeyStateBeforeDeletion.WasEnabled",
                "CheckKeyStateBeforeDeletion.Evidence"), DOCUMENT.outputs());
    }

    @Test
    void callsOnlyTheApisThatUndoADeletion() {
        Set<String> calls = new TreeSet<>();
        for (Map<String, Object> step : DOCUMENT.steps()) {
            if ("aws:executeAwsApi".equals(step.get("action"))) {
                Map<?, ?> inputs = (Map<?, ?>) step.get("inputs");
                calls.add(inputs.get("Service") + ":" + inputs.get("Api"));
            }
        }
        assertEquals(Set.of("kms:CancelKeyDeletion", "kms:EnableKey", "secretsmanager:RestoreSecret"), calls);
        assertEquals("{{ KeyArn }}", ((Map<?, ?>) DOCUMENT.step("CancelKeyDeletion").get("inputs")).get("KeyId"));
        assertEquals("{{ KeyArn }}", ((Map<?, ?>) DOCUMENT.step("EnableKey").get("inputs")).get("KeyId"));
        assertEquals("{{ SecretId }}", ((Map<?, ?>) DOCUMENT.step("RestoreSecret").get("inputs")).get("SecretId"));
    }

    @Test
    void aKeyDeletionIsCancelledThenTheKeyEnabledOnlyIfHistoryProvesItWasEnabled() {
        List<String> cancelAndCheck = List.of(DRILL_CHECK, "SkipDrillCleanup", "ChooseRemediation", "CancelKeyDeletion", "CheckKeyStateBeforeDeletion",
                "ChooseKeyState");
        assertEquals(concat(cancelAndCheck, List.of("EnableKey")), run("ScheduleKeyDeletion", "Enabled"));
        for (String decision : List.of("Disabled", "Undetermined", "HistoryIncomplete")) {
            assertEquals(cancelAndCheck, run("ScheduleKeyDeletion", decision), decision);
        }
    }

    @Test
    void historyBehindRunsTheCheckAgainUntilTheScriptDecides() {
        assertEquals(List.of(DRILL_CHECK, "SkipDrillCleanup", "ChooseRemediation", "CancelKeyDeletion",
                "CheckKeyStateBeforeDeletion", "ChooseKeyState",
                "CheckKeyStateBeforeDeletion", "ChooseKeyState",
                "CheckKeyStateBeforeDeletion", "ChooseKeyState"),
                run("ScheduleKeyDeletion", "HistoryBehind", "HistoryBehind", "HistoryIncomplete"));
        assertEquals(List.of(DRILL_CHECK, "SkipDrillCleanup", "ChooseRemediation", "CancelKeyDeletion",
                "CheckKeyStateBeforeDeletion", "ChooseKeyState",
                "CheckKeyStateBeforeDeletion", "ChooseKeyState", "EnableKey"),
                run("ScheduleKeyDeletion", "HistoryBehind", "Enabled"));
    }

    /** Automation stops an aws:executeScript step after 600 seconds; the script's own budget stays below. */
    @Test
    void theKeyStateStepRunsPython311WithinTheLongestStepAutomationAllows() {
        Map<String, Object> check = DOCUMENT.step("CheckKeyStateBeforeDeletion");
        Map<?, ?> inputs = (Map<?, ?>) check.get("inputs");
        assertEquals(600, check.get("timeoutSeconds"));
        assertEquals("python3.11", inputs.get("Runtime"));
        assertEquals(Map.of("KeyArn", "{{ KeyArn }}", "EventId", "{{ EventId }}", "ScheduledAt", "{{ ScheduledAt }}"),
                inputs.get("InputPayload"));
        Matcher budget = Pattern.compile("RUN_BUDGET = timedelta\\(seconds=(\\d+)\\)").matcher((String) inputs.get("Script"));
        assertTrue(budget.find(), "the script names its RUN_BUDGET");
        assertTrue(Integer.parseInt(budget.group(1)) <= 450, "a run leaves time for its last lookup: " + budget.group());
    }

    @Test
    void aSecretDeletionIsRestoredAndNothingElse() {
        assertEquals(List.of(DRILL_CHECK, "SkipDrillCleanup", "ChooseRemediation", "RestoreSecret"), run("DeleteSecret"));
    }

    /**
     * The drill's final cleanup deletes its own key and secret for good: the document ends before
     * any remediation step, for both kinds of deletion, when the drill check says so.
     */
    @Test
    void theDrillsFinalCleanupIsLeftDeleted() {
        for (String eventName : List.of("ScheduleKeyDeletion", "DeleteSecret")) {
            assertEquals(List.of(DRILL_CHECK, "SkipDrillCleanup"), runFor(eventName, false), eventName);
        }
    }

    /** The script checks the tag the drill command sets: one source, read from {@link Tags}. */
    @Test
    void theDrillCheckReadsTheDrillTagOfTheDrillCommand() {
        Map<?, ?> inputs = (Map<?, ?>) DOCUMENT.step(DRILL_CHECK).get("inputs");
        String script = (String) inputs.get("Script");
        assertTrue(script.contains("DRILL_TAG_KEY = \"" + Tags.DRILL_TAG_KEY + "\""), script);
        assertTrue(script.contains("DRILL_CLEANUP_VALUE = \"" + Tags.DRILL_CLEANUP_VALUE + "\""), script);
        assertEquals(Map.of("EventName", "{{ EventName }}", "KeyArn", "{{ KeyArn }}", "SecretId", "{{ SecretId }}"),
                inputs.get("InputPayload"));
        assertEquals("python3.11", inputs.get("Runtime"));
    }

    @Test
    void takesExactlyTheParametersTheRemediationRulePasses() {
        PreparedRemediation remediation = RemediationFixtures.prepared(new RemediationSettings(true, true));
        Set<String> passed = new TreeSet<>(remediation.inputPaths().keySet());
        passed.add("AutomationAssumeRole");
        assertEquals(passed, new TreeSet<>(DOCUMENT.parameters().keySet()));
        Map<?, ?> eventName = (Map<?, ?>) DOCUMENT.parameters().get("EventName");
        assertEquals(List.of("ScheduleKeyDeletion", "DeleteSecret"), eventName.get("allowedValues"));
    }

    @Test
    void refusesDocumentsAutomationWouldReject() throws Exception {
        String shipped = Files.readString(PolicyFiles.inProjectRoot().file(PreparedRemediation.DOCUMENT_FILE));
        Map<String, String> broken = Map.of(
                "an older schema", shipped.replace("schemaVersion: '0.3'", "schemaVersion: '0.2'"),
                "a step going nowhere", shipped.replace("nextStep: ChooseKeyState", "nextStep: ChooseKeyStat"),
                "a branch going nowhere", shipped.replace("- NextStep: EnableKey", "- NextStep: EnableKeys"),
                "an undeclared output", shipped.replace("  - CancelKeyDeletion.CancelledKeyId", "  - CancelKeyDeletion.KeyId"),
                "a step name used twice", shipped.replace("- name: EnableKey", "- name: RestoreSecret"),
                "a fixed role", shipped.replace("assumeRole: '{{ AutomationAssumeRole }}'", "assumeRole: arn:aws:iam::1:role/x"),
                "text that is not YAML", "mainSteps: [unclosed");
        broken.forEach((problem, text) -> assertThrows(InvalidPolicyException.class,
                () -> AutomationDocument.parse("remediate-deletion.yaml", text), problem));
    }

    /**
     * The steps Automation runs, in order: a branch goes to the first true choice, else to its
     * Default, else ends if isEnd, else to the next step; any other step goes to its nextStep,
     * ends if isEnd, else goes to the next step. Each run of the key state check answers the next
     * of {@code decisions}.
     */
    private static List<String> run(String eventName, String... decisions) {
        return runFor(eventName, true, decisions);
    }

    /** As {@link #run}, with the drill check answering {@code remediate}. */
    private static List<String> runFor(String eventName, boolean remediate, String... decisions) {
        Map<String, Object> values = new HashMap<>(Map.of("EventName", eventName, DRILL_CHECK + ".Remediate", remediate));
        List<Map<String, Object>> steps = DOCUMENT.steps();
        List<String> ran = new ArrayList<>();
        int checks = 0;
        int index = 0;
        while (index >= 0 && index < steps.size() && ran.size() <= 3 * steps.size()) {
            Map<String, Object> step = steps.get(index);
            ran.add((String) step.get("name"));
            if ("CheckKeyStateBeforeDeletion".equals(step.get("name"))) {
                values.put("CheckKeyStateBeforeDeletion.Decision", decisions[checks++]);
            }
            String next = "aws:branch".equals(step.get("action")) ? chosen(step, values) : (String) step.get("nextStep");
            if (next != null) {
                index = indexOf(steps, next);
            } else if (Boolean.TRUE.equals(step.get("isEnd"))) {
                index = -1;
            } else {
                index++;
            }
        }
        assertEquals(decisions.length, checks, "every decision was used");
        return ran;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static String chosen(Map<String, Object> branch, Map<String, Object> values) {
        Map<?, ?> inputs = (Map<?, ?>) branch.get("inputs");
        for (Object item : (List<?>) inputs.get("Choices")) {
            Map<?, ?> choice = (Map<?, ?>) item;
            Matcher variable = VARIABLE.matcher((String) choice.get("Variable"));
            assertTrue(variable.matches(), "a choice's Variable is one {{ }} reference: " + choice);
            Object value = values.get(variable.group(1));
            boolean chosen = choice.containsKey("StringEquals") ? choice.get("StringEquals").equals(value)
                    : choice.get("BooleanEquals").equals(value);
            if (chosen) {
                return (String) choice.get("NextStep");
            }
        }
        return (String) inputs.get("Default");
    }

    private static int indexOf(List<Map<String, Object>> steps, String name) {
        for (int i = 0; i < steps.size(); i++) {
            if (name.equals(steps.get(i).get("name"))) {
                return i;
            }
        }
        throw new AssertionError("no step " + name);
    }
}
