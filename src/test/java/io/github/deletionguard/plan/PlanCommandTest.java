package io.github.deletionguard.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan command's exit codes, text and JSON contract. */
class PlanCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int plan(Path root, String... args) {
        return TestPlans.onTestDay().run(args, root, new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void jsonHasTheDocumentedShape(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("plan.json");

        assertEquals(0, plan(Path.of(""), "plan", "prod", "--json", file.toString()), err::toString);

        JsonObject plan = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals(Set.of("schemaVersion", "stack", "resources", "outputs"), plan.keySet());
        assertEquals(1, plan.get("schemaVersion").getAsInt());
        assertEquals("prod", plan.get("stack").getAsString());
        for (JsonElement element : plan.getAsJsonArray("resources")) {
            JsonObject resource = element.getAsJsonObject();
            assertEquals(Set.of("type", "name", "urn", "parent", "provider", "options", "inputs"), resource.keySet());
            assertEquals(Set.of("protect", "retainOnDelete", "dependsOn"), resource.getAsJsonObject("options").keySet());
            boolean customAws = resource.get("type").getAsString().startsWith("aws:");
            assertEquals(customAws, !resource.get("provider").isJsonNull(), resource.get("urn").getAsString());
            if (customAws) {
                assertEquals(Set.of("account", "region"), resource.getAsJsonObject("provider").keySet());
            }
        }
        Set<String> types = new TreeSet<>();
        plan.getAsJsonArray("resources").forEach(r -> types.add(r.getAsJsonObject().get("type").getAsString()));
        assertTrue(types.contains("pulumi:providers:aws") && types.contains("aws:cloudwatch/logMetricFilter:LogMetricFilter"), types::toString);
        assertTrue(plan.getAsJsonObject("outputs").has("notificationTopicArns"));
    }

    @Test
    void textShowsEachAccountRegionWithPatternsAndThresholds() {
        assertEquals(0, plan(Path.of(""), "plan", "prod"), err::toString);

        String text = out.toString();
        assertTrue(text.startsWith("deletion-guard plan for stack 'prod' (alarmMode any-deletion)"), text);
        assertTrue(text.contains("management (111111111111) eu-central-1:"), text);
        assertTrue(text.contains("pattern: { ($.eventSource = \"kms.amazonaws.com\") && ($.errorCode = \"*\") }"), text);
        assertTrue(text.contains("threshold: 20"), text);
    }

    @Test
    void theCoverageSectionSaysWhichEngineReachesWhichAccountsAndWhatNeitherDoes(@TempDir Path root) throws IOException {
        assertEquals(0, plan(Path.of(""), "plan", "org"), err::toString);
        String text = out.toString();
        assertTrue(text.contains("""
                Member baseline coverage (forwarding, remediation and their roles):
                  stacksets: all accounts in OUs ou-pr0d-secur1ty, ou-pr0d-w0rkl0ads and their child OUs, now and later,\
                 except the management account; roles in us-east-1, rules and remediation in [eu-central-1, eu-west-1, us-east-1]
                    configured accounts among them: security, data-prod (its alarms on providers)
                """), text);
        assertTrue(text.contains("""
                  providers: 1 configured account
                    management (111111111111) [eu-central-1, eu-west-1]
                  covered by neither: no configured account
                """), text);
        assertTrue(text.contains("4 waves"), text);

        // An OU account with a region the StackSets do not deploy to: covered by neither, said as a warning.
        String stackFile = Files.readString(Path.of("Pulumi.org.yaml")).replace("""
                      organizationalUnit: ou-pr0d-secur1ty
                      regions:
                        - eu-central-1
                """, """
                      organizationalUnit: ou-pr0d-secur1ty
                      regions:
                        - ap-south-1
                        - eu-central-1
                """);
        Files.writeString(root.resolve("Pulumi.org.yaml"), stackFile);
        Files.copy(Path.of("Pulumi.yaml"), root.resolve("Pulumi.yaml"));
        out.reset();
        assertEquals(0, plan(root, "plan", "org"), err::toString);
        assertTrue(out.toString().contains("covered by neither: \n    warning: deletion-guard:accounts[1].regions: 'security'"
                + " is in the StackSets' OUs, which deploy to [eu-central-1, eu-west-1, us-east-1] only: [ap-south-1] is"
                + " guarded by neither engine."), out::toString);
    }

    @Test
    void badConfigPrintsEveryIssueAndFails(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("Pulumi.yaml"), "name: deletion-guard\nruntime: java\n");
        Files.writeString(root.resolve("Pulumi.broken.yaml"), """
                config:
                  deletion-guard:alarmMode: everything
                  deletion-guard:organization:
                    id: o-abcdef1234
                    managementAccount: {id: 011111111111, name: management}
                  deletion-guard:securityAccount: {id: "222222222222", homeRegion: eu-central-1, notificationEmails: [secops@example.com]}
                  deletion-guard:accounts:
                    - {id: "333333333333", name: workload, regions: [mars-north-1]}
                """);

        assertEquals(1, plan(root, "plan", "broken"));

        String message = err.toString();
        assertTrue(message.startsWith("Pulumi.broken.yaml has 3 issues:"), message);
        assertEquals(message.indexOf("has 3 issues"), message.lastIndexOf("has 3 issues"), "reported once: " + message);
        assertTrue(message.contains("deletion-guard:alarmMode"), message);
        assertTrue(message.contains("deletion-guard:organization.managementAccount.id: was read as the number 11111111111"), message);
        assertTrue(message.contains("deletion-guard:accounts[0].regions[0]: 'mars-north-1'"), message);
        assertEquals("", out.toString(), "nothing is planned from a bad config");
    }

    @Test
    void withoutArgumentsOrWithHelpItPrintsUsage() {
        assertEquals(2, plan(Path.of(""), "plan"));
        assertTrue(err.toString().startsWith("usage: plan <stack>"), err::toString);

        assertEquals(0, plan(Path.of(""), "plan", "help"));
        assertTrue(out.toString().startsWith("usage: plan <stack> [--json <file>] [--diff <old.json>] [--summary]"), out::toString);
        assertTrue(out.toString().contains("--summary"), out::toString);
    }

    @Test
    void anUnknownArgumentIsAUsageError() {
        assertEquals(2, plan(Path.of(""), "plan", "prod", "--jsno", "x.json"));
        assertTrue(err.toString().startsWith("plan: unknown argument '--jsno'\nusage: plan"), err::toString);
    }

    @Test
    void anUnknownStackNamesTheStackFilesPresent() {
        assertEquals(1, plan(Path.of(""), "plan", "nosuchstack"));
        assertEquals("plan: Pulumi.nosuchstack.yaml not found. Fix: name one of the stacks here (org, prod, staging),"
                + " or create the file (see the README's quick start).\n", err.toString());
    }

    @Test
    void anUnwritableJsonPathFailsBeforeAnythingIsPlanned(@TempDir Path temp) {
        String file = temp.resolve("no-such-directory/plan.json").toString();

        assertEquals(1, plan(Path.of(""), "plan", "prod", "--json", file));

        assertTrue(err.toString().contains("directory " + temp.resolve("no-such-directory") + " does not exist"), err::toString);
        assertEquals("", out.toString(), "nothing planned");
    }

    @Test
    void aYamlSyntaxErrorIsOneIssueNamingFileLineAndFix(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("Pulumi.yaml"), "name: deletion-guard\nruntime: java\n");
        Files.writeString(root.resolve("Pulumi.broken.yaml"), """
                config:
                  deletion-guard:alarmMode: any-deletion
                  deletion-guard:regions:
                    - eu-central-1
                   - eu-west-1
                """);

        assertEquals(1, plan(root, "plan", "broken"));

        String message = err.toString();
        assertTrue(message.startsWith("plan: Pulumi.broken.yaml has 1 issue:\n  1. line 5, column 4: is not valid YAML:"), message);
        assertTrue(message.contains(" Fix: indent each key"), message);
        assertEquals(2, message.lines().count(), "the heading and one issue, no parser trace: " + message);
    }

    @Test
    void theJsonIsByteStableFromRunToRun(@TempDir Path temp) throws IOException {
        Path first = temp.resolve("first.json");
        Path second = temp.resolve("second.json");

        assertEquals(0, plan(Path.of(""), "plan", "prod", "--json", first.toString()), err::toString);
        assertEquals(0, plan(Path.of(""), "plan", "prod", "--json", second.toString()), err::toString);

        assertEquals(Files.readString(first), Files.readString(second));
    }

    @Test
    void aDiffAgainstTheSamePlanHasNoChanges(@TempDir Path temp) throws IOException {
        Path base = temp.resolve("base.json");
        assertEquals(0, plan(Path.of(""), "plan", "staging", "--json", base.toString()), err::toString);
        out.reset();

        assertEquals(0, plan(Path.of(""), "plan", "staging", "--diff", base.toString()), err::toString);

        assertTrue(out.toString().startsWith("deletion-guard plan diff for stack 'staging': 0 added, 0 removed, 0 replaced, 0 changed\nNo changes.\n"),
                out::toString);
    }

    @Test
    void aDiffAgainstAFileThatIsNoPlanFailsBeforePlanning(@TempDir Path temp) throws IOException {
        Path notAPlan = Files.writeString(temp.resolve("notes.json"), "{\"hello\": 1}");

        assertEquals(1, plan(Path.of(""), "plan", "prod", "--diff", notAPlan.toString()));

        assertTrue(err.toString().contains("is not a plan --json file"), err::toString);
        assertEquals("", out.toString());
    }

    @Test
    void aDiffAgainstANewerSchemaFailsBeforePlanning(@TempDir Path temp) throws IOException {
        Path newer = Files.writeString(temp.resolve("newer.json"), "{\"schemaVersion\": 2, \"stack\": \"prod\", \"resources\": []}");

        assertEquals(1, plan(Path.of(""), "plan", "prod", "--diff", newer.toString()));

        assertTrue(err.toString().contains("has schemaVersion 2, newer than this plan's 1"), err::toString);
    }

    @Test
    void theSummaryFitsOneScreenWithCoverageCostAndRisks() {
        assertEquals(0, plan(Path.of(""), "plan", "prod", "--summary"), err::toString);

        String summary = out.toString();
        assertTrue(summary.lines().count() <= 40, summary);
        assertTrue(summary.contains("5 accounts x 3 regions"), summary);
        assertTrue(summary.contains("  payments-prod (444444444444)            14         11         13     38\n"), summary);
        assertTrue(summary.contains("Organization policies   SCP deletion-guard-deny-key-and-secret-deletion on r-pr0d;"
                + " RCP deletion-guard-protect-keys-and-secrets on r-pr0d"), summary);
        // Every account also forwards the global services' events in us-east-1.
        assertTrue(summary.contains("EventBridge forwarding  15 account-regions in 5 accounts -> central bus"), summary);
        // The central bus counts denied deletions on a log group of its own: the paging alarm, and
        // the pipeline roles' alarm with its ceiling.
        assertTrue(summary.contains("CloudWatch alarms       25 alarms on 3 log groups"), summary);
        assertTrue(summary.contains("Monthly cost: $9.10"), summary);
        assertTrue(summary.contains("SCP and RCP attached to the organization root r-pr0d"), summary);
        assertTrue(summary.contains("Remediation changes state in 5 accounts"), summary);
        assertTrue(summary.contains("21 protected resources (5 Alias, 3 Key, 2 Policy, 2 PolicyAttachment, 2 ReplicaKey, 3 Secret,"
                + " 3 SecretPolicy, 1 SecretVersion)"), summary);
        assertTrue(!summary.contains("aws:cloudwatch/eventRule:EventRule  "), "no resource listing: " + summary);
    }

    @Test
    void theSummaryStatesWhatEachBaselineEngineReaches() {
        assertEquals(0, plan(Path.of(""), "plan", "org", "--summary"), err::toString);

        assertTrue(out.toString().contains("  Member baseline         providers: 1 configured account; stacksets: all accounts in OUs"
                + " ou-pr0d-secur1ty, ou-pr0d-w0rkl0ads, now and later, in [eu-central-1, eu-west-1, us-east-1];"
                + " every configured account covered\n"), out::toString);
    }

    @Test
    void theTextNamesTheAlarmsWithThresholdsAndEndsWithThePostDeployChecklist() {
        assertEquals(0, plan(Path.of(""), "plan", "prod"), err::toString);

        String text = out.toString();
        assertTrue(text.contains("\nAlarms (25; "), text);
        assertTrue(text.contains("  deletion-guard-kms-errors  management eu-central-1: Sum of KmsErrors >= 20 in 1 of 1 periods of 300 s;"
                + " missing data notBreaching\n"), text);
        String checklist = text.substring(text.indexOf("\nAfter the first pulumi up:\n"));
        assertTrue(checklist.contains("      secops@example.com: deletion-guard-notices (eu-central-1), deletion-guard-notifications"
                + " (eu-central-1), deletion-guard-notifications (eu-west-1)\n"), checklist);
        assertTrue(checklist.contains("aws sns confirm-subscription --region eu-west-1 --topic-arn"
                + " arn:aws:sns:eu-west-1:222222222222:deletion-guard-notifications --token <token> --authenticate-on-unsubscribe true"), checklist);
        assertTrue(checklist.contains("      payments/db-master (security eu-central-1)\n"), checklist);
        assertTrue(checklist.contains("deletion-guard:paymentsWebhookSigningKey with pulumi config set --secret"), checklist);
        assertTrue(checklist.contains("Run drill prod in a quiet window, then status prod"), checklist);
        assertTrue(checklist.lines().skip(2).allMatch(line -> line.startsWith("  ") || line.startsWith("Planned offline")), checklist);
    }

    @Test
    void badUsageFailsClearly() {
        assertEquals(2, plan(Path.of(""), "plan", "prod", "--json"));
        assertTrue(err.toString().contains("plan: --json needs a file"), err::toString);
    }
}
