package io.github.deletionguard.operate.drill;

import io.github.deletionguard.naming.Tags;
import io.github.deletionguard.operate.Commands;
import io.github.deletionguard.operate.Commands.Run;
import io.github.deletionguard.operate.MutableClock;
import io.github.deletionguard.operate.Operation;
import io.github.deletionguard.operate.RecordedAws;
import io.github.deletionguard.operate.RecordedAws.Call;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The drill over recorded responses of the prod stack (target: the security account in
 * eu-central-1, its first guarded account the SCP binds): every path delivered with its latency,
 * not delivered (the timeout passes on a clock that only the mocked sleeper moves, so no test
 * waits), remediation proven or not, and the cleanup after a failure halfway.
 */
class DrillTest {
    private static final String TARGET = "222222222222/eu-central-1";
    private static final String DRILL_KEY = "5f0e0d0c-0b0a-4909-8807-060504030201";
    private static final String DRILL_SECRET = "arn:aws:secretsmanager:eu-central-1:222222222222:secret:deletion-guard-drill-1796198400-Dr1lLs";
    private static final List<String> ALARM_PATHS = List.of("kms-key-pending-deletion-use", "secret-marked-for-deletion-access",
            "kms-key-deletion-attempt", "secret-deletion-attempt", "kms-errors");

    private MutableClock clock;
    private Operation.Sleeper sleeper;

    @BeforeEach
    void timeMovesOnlyWhenTheDrillPauses() throws Exception {
        clock = new MutableClock(Commands.NOW);
        sleeper = mock(Operation.Sleeper.class);
        doAnswer(invocation -> {
            clock.advance(invocation.getArgument(0));
            return null;
        }).when(sleeper).sleep(any());
    }

    private Run drill(RecordedAws aws, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("drill", "prod"));
        args.addAll(List.of(more));
        return Commands.run(aws, clock, sleeper, args.toArray(String[]::new));
    }

    @Test
    void everyPathReachesTheHubWithItsLatencyAndEverythingIsRemoved() throws Exception {
        Run run = drill(new RecordedAws("prod")).everyCallRecorded().exits(0);
        for (String alarm : ALARM_PATHS) {
            run.line("PASS", "drill-alarm-" + alarm + "-management", TARGET, "delivered in ");
            run.line("PASS", "drill-alarm-" + alarm + "-data-prod", TARGET, "delivered in ");
        }
        java.util.Map.ofEntries(
                java.util.Map.entry("drill-denied-deletion", "ScheduleKeyDeletion denied by the SCP"),
                java.util.Map.entry("drill-denied-key-deletion", "delivered in 41.2 s"),
                java.util.Map.entry("drill-key-deletion", "delivered in 38.7 s"),
                java.util.Map.entry("drill-key-pending-use", "delivered in 44.9 s"),
                java.util.Map.entry("drill-secret-deletion", "delivered in 36.1 s"),
                java.util.Map.entry("drill-secret-pending-access", "delivered in 47.3 s"),
                java.util.Map.entry("drill-alarm-kms-key-pending-deletion-use-on-drill-resource", "delivered in 312.0 s"),
                java.util.Map.entry("drill-alarm-secret-marked-for-deletion-access-on-drill-resource", "delivered in 318.5 s"),
                java.util.Map.entry("drill-remediation-result-key", "delivered in 71.8 s"),
                java.util.Map.entry("drill-remediation-result-secret", "delivered in 66.4 s"),
                java.util.Map.entry("drill-remediation-key", "remediation cancelled the drill key's deletion"),
                java.util.Map.entry("drill-remediation-secret", "remediation restored the drill secret"))
                .forEach((check, detail) -> run.line("PASS", check, TARGET, detail));
        // Delivered at once: the drill never paused.
        verify(sleeper, never()).sleep(any());
        assertEquals(0, run.count("FAIL", "drill-cleanup"));
        run.line("PASS", "drill-cleanup", TARGET, "removed queue deletion-guard-drill-1796198400");
        run.line("PASS", "drill-cleanup", TARGET, "removed key " + DRILL_KEY);
        run.line("PASS", "drill-cleanup", TARGET, "removed secret deletion-guard-drill-1796198400");
        assertEquals(2, run.lines("PASS", "drill-cleanup", TARGET, "removed subscription").size());
    }

    @Test
    void theDrillsCallsAreTheHarmlessOnesItPromises() {
        RecordedAws aws = new RecordedAws("prod");
        drill(aws);
        // Every alarm to ALARM once, then back to OK before the real uses, so they can fire.
        List<Call> states = aws.calls("monitoring", "SetAlarmState");
        assertEquals(20, states.size());
        assertEquals(10, states.stream().filter(call -> call.parameters().get("StateValue").equals("ALARM")).count());
        int lastAlarm = aws.calls().indexOf(states.stream().filter(call -> call.parameters().get("StateValue").equals("OK")).reduce((a, b) -> b).orElseThrow());
        int createKey = aws.calls().indexOf(aws.calls("kms", "CreateKey").get(0));
        assertTrue(lastAlarm < createKey, "alarms are OK again before the drill key exists");
        // The drill key and secret carry the drill tag, and their deletions the shortest window.
        assertTrue(aws.calls("kms", "CreateKey").get(0).body().contains("\"TagKey\":\"" + Tags.DRILL_TAG_KEY + "\",\"TagValue\":\"true\""));
        assertTrue(aws.calls("secretsmanager", "CreateSecret").get(0).body().contains("\"Key\":\"" + Tags.DRILL_TAG_KEY + "\",\"Value\":\"true\""));
        assertTrue(aws.calls("kms", "ScheduleKeyDeletion").stream().allMatch(call -> call.parameters().get("PendingWindowInDays").equals("7")));
        // The queue admits only the hub topics, and every subscription is removed.
        assertTrue(aws.calls("sqs", "SetQueueAttributes").get(0).body().contains("arn:aws:sns:eu-west-1:222222222222:deletion-guard-notifications"));
        assertEquals(2, aws.calls("sns", "Subscribe").size());
        assertEquals(2, aws.calls("sns", "Unsubscribe").size());
        assertEquals(1, aws.calls("sqs", "DeleteQueue").size());
    }

    /** The final cleanup tags before it deletes, so the remediation document leaves the deletion alone. */
    @Test
    void theCleanupMarksTheDrillKeyAndSecretBeforeDeletingThemForGood() {
        RecordedAws aws = new RecordedAws("prod");
        drill(aws);
        List<Call> calls = aws.calls();
        Call keyTag = aws.calls("kms", "TagResource").get(0);
        assertTrue(keyTag.body().contains("\"TagKey\":\"" + Tags.DRILL_TAG_KEY + "\",\"TagValue\":\"" + Tags.DRILL_CLEANUP_VALUE + "\""), keyTag.body());
        List<Call> schedules = aws.calls("kms", "ScheduleKeyDeletion").stream()
                .filter(call -> call.parameters().get("KeyId").equals(DRILL_KEY)).toList();
        assertEquals(2, schedules.size(), "once for the drill, once in the cleanup after remediation cancelled it");
        assertTrue(calls.indexOf(keyTag) < calls.lastIndexOf(schedules.get(1)));
        Call secretTag = aws.calls("secretsmanager", "TagResource").get(0);
        assertTrue(secretTag.body().contains("\"Key\":\"" + Tags.DRILL_TAG_KEY + "\",\"Value\":\"" + Tags.DRILL_CLEANUP_VALUE + "\""), secretTag.body());
        // The RCP denies deletion without recovery to everyone: the cleanup takes the shortest window.
        List<Call> deletions = aws.calls("secretsmanager", "DeleteSecret");
        assertEquals(2, deletions.size(), "once for the drill, once in the cleanup after remediation restored it");
        assertTrue(deletions.stream().noneMatch(call -> call.parameters().containsKey("ForceDeleteWithoutRecovery")));
        assertTrue(deletions.stream().allMatch(call -> call.parameters().get("RecoveryWindowInDays").equals("7")
                && call.parameters().get("SecretId").equals(DRILL_SECRET)));
        assertTrue(calls.indexOf(secretTag) < calls.lastIndexOf(deletions.get(1)));
    }

    @Test
    void pathsWithoutAMessageFailAfterTheTimeoutWithoutWaitingForReal() throws Exception {
        Run run = drill(new RecordedAws("prod").answering("sqs", "ReceiveMessage", "{\"Messages\":[]}")).exits(1);
        // 10 alarms, the denied deletion, key deletion and use, secret deletion and access, their 2 alarms, 2 remediation results.
        assertEquals(19, run.out().lines().filter(line -> line.startsWith("FAIL  drill-") && !line.startsWith("FAIL  drill-cleanup")).count(),
                run.out());
        assertTrue(run.fixOf("FAIL", "drill-key-deletion", TARGET, "no message on the hub topic within 10 minutes").startsWith("run status"));
        verify(sleeper, atLeastOnce()).sleep(Drill.POLL_PAUSE);
        // Two waits of ten minutes each, in pauses of fifteen seconds, on the test's clock alone.
        assertEquals(Duration.ofMinutes(20), Duration.between(Commands.NOW, clock.instant()));
        assertEquals(0, run.count("FAIL", "drill-cleanup"), run.out());
    }

    @Test
    void remediationThatDoesNotUndoTheDrillsDeletionsFails() {
        Run run = drill(new RecordedAws("drill-not-remediated", "prod")).exits(1);
        run.line("FAIL", "drill-remediation-key", TARGET, "the drill key is still PendingDeletion after 20 minutes");
        run.line("FAIL", "drill-remediation-secret", TARGET, "the drill secret is still scheduled for deletion after 20 minutes");
        // The key already pending is not scheduled again; it is only marked for the cleanup.
        assertEquals(1, run.aws().calls("kms", "ScheduleKeyDeletion").stream()
                .filter(call -> call.parameters().get("KeyId").equals(DRILL_KEY)).count());
        assertEquals(1, run.aws().calls("kms", "TagResource").size());
        assertEquals(1, run.aws().calls("secretsmanager", "DeleteSecret").size());
    }

    @Test
    void anScpThatDoesNotBindTheTargetFailsTheDeniedDeletion() {
        Run run = drill(new RecordedAws("drill-scp-not-binding", "prod")).exits(1);
        assertEquals("attach the SCP to this account's OU or root.", run.fixOf("FAIL", "drill-denied-deletion", TARGET,
                "failed with NotFoundException", "instead of AccessDenied"));
        assertTrue(run.lines("PASS", "drill-denied-key-deletion", TARGET).isEmpty(), "no message is expected for a call that was not denied");
    }

    @Test
    void aFailureHalfwayCleansUpWhatWasCreatedAndSaysWhatItCouldNot() {
        Run run = drill(new RecordedAws("prod").failing("secretsmanager", "CreateSecret", "AccessDeniedException")
                .failing("sqs", "DeleteQueue", "AccessDenied")).exits(1);
        run.line("ERROR", "drill", TARGET, "stopped halfway: AccessDeniedException");
        // What was proven before still counts; what was started is said to be unproven.
        run.line("PASS", "drill-alarm-kms-errors-management", TARGET, "delivered in ");
        run.line("ERROR", "drill-key-deletion", TARGET, "not awaited: the drill stopped");
        // The key it created is marked and scheduled, subscriptions removed, alarms set back to OK ...
        run.line("PASS", "drill-cleanup", TARGET, "removed key " + DRILL_KEY);
        assertEquals(2, run.lines("PASS", "drill-cleanup", TARGET, "removed subscription").size());
        assertEquals(10, run.lines("PASS", "drill-cleanup", TARGET, "removed the ALARM state of").size());
        // ... and the queue it could not delete is named with the command to remove it.
        assertTrue(run.fixOf("FAIL", "drill-cleanup", TARGET, "could not remove queue deletion-guard-drill-1796198400", "AccessDenied")
                .equals("remove it by hand: aws sqs delete-queue --queue-url https://sqs.eu-central-1.amazonaws.com/222222222222/deletion-guard-drill-1796198400"));
        assertTrue(run.aws().calls("secretsmanager", "DeleteSecret").isEmpty(), "no secret was created, none is deleted");
    }

    @Test
    void aFailureBeforeTheAlarmsAreSetBackStillSetsThemBack() {
        Run run = drill(new RecordedAws("prod").failing("sqs", "ReceiveMessage", "AccessDenied")).exits(1);
        run.line("ERROR", "drill", TARGET, "stopped halfway");
        assertEquals(10, run.lines("PASS", "drill-cleanup", TARGET, "removed the ALARM state of").size());
        assertEquals(10, run.aws().calls("monitoring", "SetAlarmState").stream()
                .filter(call -> call.parameters().get("StateValue").equals("OK")).count());
        assertTrue(run.aws().calls("kms", "CreateKey").isEmpty());
    }

    @Test
    void runsWhereItIsToldTo() {
        RecordedAws aws = new RecordedAws("prod").answering("sqs", "ReceiveMessage", "{\"Messages\":[]}");
        drill(aws, "--account", "444444444444", "--region", "eu-west-1");
        assertTrue(aws.calls("kms", "CreateKey").stream().allMatch(call -> call.account().equals("444444444444") && call.region().equals("eu-west-1")),
                aws.calls("kms", "CreateKey").toString());
    }
}
