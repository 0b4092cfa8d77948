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
        return PlanCommand.run(args, root, new PrintStream(out, true), new PrintStream(err, true), io.github.deletionguard.testing.TestClock.CLOCK);
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
