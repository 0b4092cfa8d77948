package io.github.deletionguard.plan;

import io.github.deletionguard.testing.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan's review of approved deletions: days left, what they render, expired ones to remove; byte-stable per day. */
class PlanDeletionExceptionsTest {

    private static String plan(Clock clock, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TestPlans.on(clock).run(args, Path.of(""), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void prodListsItsActiveApprovalWithDaysLeftAndTheStatementsItRenders() {
        String text = plan(TestClock.CLOCK, "plan", "prod");

        assertTrue(text.contains("""
                Deletion exceptions on 2026-12-02 (UTC)
                  approved arn:aws:kms:eu-central-1:444444444444:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0
                      by arn:aws:iam::444444444444:role/ci/payments-deployer, ticket CHG-4711, approved by security-architecture-board:\
                 Legacy card-token key of the retired tokenizer v1; data re-encrypted under alias/payments-data
                      until 2026-12-20 (18 days left): kms:ScheduleKeyDeletion until 2026-12-20T00:00:00Z, window at least the minimum
                      renders ApprovedDeleter1OnlyApprovedResources, ApprovedDeleter1OnlyApprovedCalls, ApprovedDeleter1Until20261220;\
                 the remediation rule leaves it alone; notified as approved by deletion-guard-notify-approved-7fcff1fb on the\
                 notices topic, not paged
                  SCP size 9503 characters (8195 without the exceptions) in 1 part(s) of at most 10240
                """), text);
    }

    @Test
    void onItsDateTheApprovalIsReportedExpiredAndRendersNothing() {
        String text = plan(TestClock.on(LocalDate.of(2026, 12, 20)), "plan", "prod");

        assertTrue(text.contains("  WARNING expired arn:aws:kms:eu-central-1:444444444444:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\n"), text);
        assertTrue(text.contains("until 2026-12-20: AWS denies the deletion again; remove the entry from the stack file\n"), text);
        assertTrue(text.contains("SCP size 8195 characters (8195 without the exceptions)"), text);
        assertFalse(text.contains("ApprovedDeleter1"), text);
    }

    @Test
    void stagingListsItsEphemeralOuWithItsAccountsAndTheirDigest() {
        String text = plan(TestClock.CLOCK, "plan", "staging");
        assertTrue(text.contains("  ephemeral sandboxes o-st4g1ng0rg1/r-st4g/ou-st4g-s4ndb0x1/: lifts"
                + " NoKeyDeletionWindowBelowMinimum, NoSecretDeletionWithoutRecovery, NoSecretRecoveryWindowBelowMinimum,"
                + " OnlyBreakGlassDestroysKeysAndSecrets (SCP), NoSecretDeletionWithoutRecovery (RCP)\n"
                + "    accounts: sandbox-staging (250000000005); deletions notified daily digest at 06:00 UTC on"
                + " deletion-guard-notices, not paged; not undone\n"), text);
        // The digest and its schedule are among the planned resources.
        assertTrue(text.contains("aws:cloudwatch/eventRule:EventRule  ephemeral-digest-schedule\n"), text);
        assertTrue(text.contains("aws:ssm/document:Document  event-summary-document\n"), text);
    }

    /** The clock is read once, at the entry point: two runs on one day write the same bytes, whatever the hour. */
    @Test
    void jsonIsByteStableWithinADay(@TempDir Path temp) throws IOException {
        Path morning = temp.resolve("morning.json");
        Path evening = temp.resolve("evening.json");
        plan(TestClock.CLOCK, "plan", "prod", "--json", morning.toString());
        plan(Clock.fixed(TestClock.TODAY.atTime(23, 59).toInstant(java.time.ZoneOffset.UTC), java.time.ZoneOffset.UTC),
                "plan", "prod", "--json", evening.toString());

        assertEquals(Files.readString(morning), Files.readString(evening));
    }
}
