package io.github.deletionguard.plan;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
        return PlanCommand.run(args, root, new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void jsonHasTheDocumentedShape(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("plan.json");

        assertEquals(0, plan(Path.of(""), "plan", "prod", "--json", file.toString()), err::toString);

        JsonObject plan = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        assertEquals(Set.of("stack", "resources", "outputs"), plan.keySet());
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
    void unknownStackAndBadUsageFailClearly() {
        assertEquals(1, plan(Path.of(""), "plan", "nosuchstack"));
        assertTrue(err.toString().contains("Pulumi.nosuchstack.yaml not found"), err::toString);
        assertEquals(2, plan(Path.of(""), "plan"));
        assertTrue(err.toString().contains(PlanCommand.USAGE));
    }
}
