package io.github.deletionguard.operate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.naming.Tags;
import io.github.deletionguard.operate.drill.Drill;
import io.github.deletionguard.testing.IamSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reviewed least-privilege policies of the README, one per command (policy/operate/): each
 * grants exactly the IAM actions the command calls against the recorded prod responses (nothing
 * unused, nothing missing), every name is AWS's (iam-data), and the three read-only commands read only.
 */
class OperatePoliciesTest {
    private static final Path FOLDER = Path.of("policy", "operate");
    /** The endpoint prefix where it differs from the IAM prefix. */
    private static final Map<String, String> IAM_PREFIX = Map.of("monitoring", "cloudwatch");
    /** Creating a tagged resource also needs the tagging action. */
    private static final Map<String, String> IMPLIED = Map.of("sqs:CreateQueue", "sqs:TagQueue");

    private static JsonObject policy(String command) throws IOException {
        return JsonParser.parseString(Files.readString(FOLDER.resolve(command + ".json"))).getAsJsonObject();
    }

    private static Set<String> granted(JsonObject policy) {
        Set<String> actions = new TreeSet<>();
        for (JsonElement statement : policy.getAsJsonArray("Statement")) {
            JsonElement action = statement.getAsJsonObject().get("Action");
            if (action.isJsonArray()) {
                action.getAsJsonArray().forEach(each -> actions.add(each.getAsString()));
            } else {
                actions.add(action.getAsString());
            }
        }
        return actions;
    }

    /** The IAM actions of the calls made with the access role: AssumeRole is the deployer's own, GetCallerIdentity needs none. */
    private static Set<String> called(String command) {
        RecordedAws aws = new RecordedAws("org", "prod");
        Commands.run(aws, command, "prod");
        if (command.equals("preflight")) {
            // The org stack also reads StackSets trusted access.
            Commands.run(aws, command, "org");
        }
        Set<String> actions = new TreeSet<>();
        for (RecordedAws.Call call : aws.calls()) {
            if (!call.service().equals("sts")) {
                String action = IAM_PREFIX.getOrDefault(call.service(), call.service()) + ":" + call.action();
                actions.add(action);
                if (IMPLIED.containsKey(action)) {
                    actions.add(IMPLIED.get(action));
                }
            }
        }
        return actions;
    }

    @ParameterizedTest
    @ValueSource(strings = {"preflight", "status", "scan", "drill"})
    void grantsExactlyWhatTheCommandCalls(String command) throws IOException {
        assertEquals(called(command), granted(policy(command)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"preflight", "status", "scan"})
    void theReadOnlyCommandsOnlyRead(String command) throws IOException {
        for (String action : granted(policy(command))) {
            String verb = action.substring(action.indexOf(':') + 1);
            assertTrue(verb.startsWith("Describe") || verb.startsWith("Get") || verb.startsWith("List"), action);
        }
    }

    @Test
    void everyActionAndConditionKeyIsAws() throws IOException {
        Map<String, JsonObject> policies = new LinkedHashMap<>();
        for (String command : OperateCommand.COMMANDS.stream().sorted().toList()) {
            policies.put(command, policy(command));
        }
        assertEquals(java.util.List.of(), IamSimulator.vocabularyProblems(policies));
    }

    /** The drill writes only where the drill tag is, and tries its denied deletion on the key that exists nowhere. */
    @Test
    void theDrillsWritesNameTheDrillTagAndTheAbsentKey() throws IOException {
        String text = policy("drill").toString();
        // The cleanup re-tags the drill's key and secret, then deletes them: both values are the drill's.
        String values = "[\"" + Tags.DRILL_TAG_VALUE + "\",\"" + Tags.DRILL_CLEANUP_VALUE + "\"]";
        assertTrue(text.contains("\"aws:RequestTag/" + Tags.DRILL_TAG_KEY + "\":" + values), text);
        assertTrue(text.contains("\"aws:ResourceTag/" + Tags.DRILL_TAG_KEY + "\":" + values), text);
        assertTrue(text.contains("key/" + Drill.ABSENT_KEY_ID), text);
    }
}
