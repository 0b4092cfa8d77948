package io.github.deletionguard.operate.scan;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.operate.Commands.Run;
import io.github.deletionguard.operate.RecordedAws;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.github.deletionguard.operate.Commands.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scan over recorded responses of the prod stack's accounts: keys pending deletion (replicas
 * and primaries waiting for them included) and secrets scheduled for deletion, soonest first,
 * with what depends on each key; each list and key that cannot be read an error of its own.
 */
class ScanTest {
    private static final String PAYMENTS = "444444444444/eu-central-1";
    private static final String DATA = "055555555555/eu-central-1";
    private static final String DATA_WEST = "055555555555/eu-west-1";
    private static final String LEGACY_KEY = "mrk-5a1e0b2c3d4e5f60718293a4b5c6d7e8";

    private static Run scan(RecordedAws aws, String... more) {
        List<String> args = new ArrayList<>(List.of("scan", "prod"));
        args.addAll(List.of(more));
        return run(aws, args.toArray(String[]::new));
    }

    @Test
    void listsEveryPendingDeletionSoonestFirstAndExitsOne() {
        Run run = scan(new RecordedAws("prod")).everyCallRecorded().exits(1);
        List<String> pending = run.out().lines().filter(line -> line.startsWith("FAIL")).toList();
        assertEquals(4, pending.size(), run.out());
        assertTrue(pending.get(0).contains("payments/old-api-token is deleted in 3 days"), pending.get(0));
        assertTrue(pending.get(1).contains("055555555555:key/" + LEGACY_KEY + " (PendingDeletion) is deleted in 5 days"), pending.get(1));
        assertTrue(pending.get(2).contains("1234abcd-12ab-34cd-56ef-1234567890ab (PendingDeletion) is deleted in 6 days"), pending.get(2));
        assertTrue(pending.get(3).contains("(PendingReplicaDeletion) is deleted at the earliest 30 days after its replicas in [eu-west-1] are gone"),
                pending.get(3));
        assertTrue(run.aws().calls("secretsmanager", "ListSecrets").stream().allMatch(call -> call.parameters().get("IncludePlannedDeletion").equals("true")));
    }

    @Test
    void namesWhatDependsOnEachKey() {
        Run run = scan(new RecordedAws("prod"));
        run.line("FAIL", "key-pending-deletion", PAYMENTS, "aliases [alias/payments-ledger], secrets [payments/ledger-db], 2 grants (AWS services [rds.eu-central-1.amazonaws.com])");
        // A secret names its key by an alias ARN.
        run.line("FAIL", "key-pending-deletion", DATA, "aliases [alias/data-lake-legacy], secrets [data/lake-ingest-token], 1 grants (AWS services [glue.eu-central-1.amazonaws.com])");
        assertTrue(run.fixOf("FAIL", "key-pending-deletion", DATA_WEST).startsWith("unless nothing uses it: aws kms cancel-key-deletion --key-id " + LEGACY_KEY + " --region eu-west-1"));
    }

    @Test
    void theJsonCarriesDaysLeftAndDependentsForTooling() {
        JsonObject document = JsonParser.parseString(scan(new RecordedAws("prod"), "--json").out()).getAsJsonObject();
        JsonArray findings = document.getAsJsonArray("findings");
        List<Long> days = new ArrayList<>();
        for (JsonElement finding : findings) {
            JsonObject facts = finding.getAsJsonObject().getAsJsonObject("facts");
            if (facts != null) {
                days.add(facts.get("daysLeft").getAsLong());
            }
        }
        assertEquals(List.of(3L, 5L, 6L, 30L), days);
        JsonObject primary = findings.get(3).getAsJsonObject().getAsJsonObject("facts");
        assertEquals("[\"eu-west-1\"]", primary.get("replicaRegions").toString());
        assertEquals("[\"glue.eu-central-1.amazonaws.com\"]", primary.get("serviceGrantees").toString());
    }

    @Test
    void passesWhereNothingIsPendingAndExitsZeroWhenNothingIsAnywhere() {
        scan(new RecordedAws("prod")).line("PASS", "nothing-pending", "444444444444/us-east-1", "no key or secret pending deletion");
        Run clean = scan(new RecordedAws("prod").answering("kms", "ListKeys", "{\"Keys\":[],\"Truncated\":false}")
                .answering("secretsmanager", "ListSecrets", "{\"SecretList\":[]}")).exits(0);
        assertEquals(clean.count("PASS", "nothing-pending"), clean.out().lines().filter(line -> line.startsWith("PASS")).count());
    }

    @Test
    void secretsThatCannotBeListedAreAnErrorAndKeysAreStillScanned() {
        Run run = scan(new RecordedAws("prod").failing("secretsmanager", "ListSecrets", "AccessDeniedException")).exits(1);
        run.line("ERROR", "secret-pending-deletion", PAYMENTS, "cannot list secrets: AccessDeniedException");
        run.line("FAIL", "key-pending-deletion", PAYMENTS, "1234abcd-12ab-34cd-56ef-1234567890ab");
    }

    @Test
    void keysThatCannotBeListedAreAnErrorAndSecretsAreStillScanned() {
        Run run = scan(new RecordedAws("prod").failing("kms", "ListKeys", "AccessDeniedException")).exits(1);
        run.line("ERROR", "key-pending-deletion", PAYMENTS, "cannot list keys: AccessDeniedException");
        run.line("FAIL", "secret-pending-deletion", PAYMENTS, "payments/old-api-token");
    }

    /** A key policy that does not delegate to IAM hides the key from the access role: said, not skipped. */
    @Test
    void aKeyThatCannotBeDescribedIsAnErrorNamingItAndTheOthersAreScanned() {
        Run run = scan(new RecordedAws("prod").failingIn("055555555555", "kms", "DescribeKey", "AccessDeniedException")).exits(1);
        assertTrue(run.fixOf("ERROR", "key-pending-deletion", DATA, "cannot read key " + LEGACY_KEY).contains("key policy"));
        run.line("FAIL", "key-pending-deletion", PAYMENTS, "1234abcd-12ab-34cd-56ef-1234567890ab");
    }

    @Test
    void anUnreachableAccountIsReportedOnceAndTheOthersStillScanned() {
        Run run = scan(new RecordedAws("unreachable", "prod")).exits(1);
        assertTrue(run.line("ERROR", "scan", DATA).contains("cannot assume the access role"));
        run.line("ERROR", "scan", DATA_WEST);
        run.line("FAIL", "key-pending-deletion", PAYMENTS);
        assertTrue(run.err().contains("failures"), run.err());
    }
}
