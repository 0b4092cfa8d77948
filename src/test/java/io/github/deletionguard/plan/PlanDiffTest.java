package io.github.deletionguard.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code plan --diff}: what a pulumi up of the new plan does to a stack deployed from the old one. */
class PlanDiffTest {
    private static JsonObject json(OfflineEngine.Run run) {
        assertEquals(List.of(), run.errors());
        return JsonParser.parseString(PlanJson.render(run)).getAsJsonObject();
    }

    private static final JsonObject PROD = json(Deployments.ofStackFile("prod"));

    @Test
    void addingOneAccountAddsItsGuardAndWidensBothTopicPoliciesByItsId() {
        JsonObject after = json(ConfigBuilder.stackFile("prod").edit("accounts", accounts -> {
            JsonObject account = new JsonObject();
            account.addProperty("id", "666666666666");
            account.addProperty("name", "analytics-prod");
            accounts.getAsJsonArray().add(account);
        }).run());

        String diff = PlanDiff.render(PROD, after);

        assertTrue(diff.startsWith("deletion-guard plan diff for stack 'prod': 24 added, 0 removed, 0 replaced, 2 changed\n"), diff);
        assertTrue(diff.contains("  + aws:cloudwatch/eventRule:EventRule  analytics-prod-eu-west-1-forwarding-rule  (analytics-prod eu-west-1)"), diff);
        for (String region : List.of("eu-central-1", "eu-west-1")) {
            assertTrue(diff.contains("  ~ aws:sns/topicPolicy:TopicPolicy  notifications-" + region + "-topic-policy  (security " + region + ")\n"
                    + "      policy.Statement[Sid=GuardAlarmsOfGuardedAccountsPublish].Condition.StringEquals.aws:SourceAccount[]:"
                    + " + \"666666666666\"\n"), diff);
        }
        assertTrue(diff.contains("accounts.analytics-prod: + {\"accountId\":\"666666666666\""), diff);
    }

    @Test
    void removingAnAccountRemovesItsGuard() {
        JsonObject after = json(ConfigBuilder.stackFile("prod").edit("accounts", accounts -> accounts.getAsJsonArray().remove(2)).run());

        String diff = PlanDiff.render(PROD, after);

        assertTrue(diff.contains("  - aws:iam/role:Role  log-archive-event-forwarding-role  (log-archive eu-central-1)"), diff);
        assertTrue(diff.contains(" 0 added, "), diff);
    }

    @Test
    void aChangedPhysicalNameReplacesAndSaysWhichInputForcesIt() {
        JsonObject after = json(ConfigBuilder.stackFile("prod").set("resourcePrefix", "guard").run());

        String diff = PlanDiff.render(PROD, after);

        assertTrue(diff.contains("  ± aws:sns/topic:Topic  notifications-eu-central-1-topic  (security eu-central-1)\n"
                + "      replace-on-change inputs changed: name\n"
                + "      name: \"deletion-guard-notifications\" -> \"guard-notifications\"\n"), diff);
        // An alarm threshold is not an identity: in place.
        assertTrue(diff.contains(" 0 added, 0 removed, "), diff);
    }

    @Test
    void aChangedParentIsANewUrnAndSoAReplacement() {
        JsonObject after = PROD.deepCopy();
        JsonObject topic = resource(after, "notifications-eu-central-1-topic");
        String urn = topic.get("urn").getAsString();
        topic.addProperty("urn", urn.replace("NotificationHub$aws:sns/topic:Topic", "NotificationHub$deletion-guard:x:Moved$aws:sns/topic:Topic"));
        topic.addProperty("parent", "urn:pulumi:prod::deletion-guard::deletion-guard:x:Moved::elsewhere");

        String diff = PlanDiff.render(PROD, after);

        assertTrue(diff.contains(": 0 added, 0 removed, 1 replaced, 0 changed\n"), diff);
        assertTrue(diff.contains("      parent: \""), diff);
        assertTrue(diff.contains("the URN changed: without an alias Pulumi deletes " + urn), diff);
    }

    @Test
    void anotherProviderReplaces() {
        JsonObject after = PROD.deepCopy();
        resource(after, "notifications-eu-central-1-topic").getAsJsonObject("provider").addProperty("region", "eu-north-1");

        String diff = PlanDiff.render(PROD, after);

        assertTrue(diff.contains("(another account or region: replaces)"), diff);
        assertTrue(diff.contains(" 1 replaced, 0 changed"), diff);
    }

    @Test
    void theSamePlanHasNoChanges() {
        assertTrue(PlanDiff.render(PROD, PROD.deepCopy()).endsWith("0 changed\nNo changes.\n"));
    }

    @Test
    void documentsAreDiffedByPathWithValueListsAsSets() {
        String before = "{\"Statement\":[{\"Sid\":\"A\",\"Action\":[\"kms:Decrypt\",\"kms:Encrypt\"]},{\"Sid\":\"B\",\"Effect\":\"Deny\"}]}";
        String after = "{\"Statement\":[{\"Sid\":\"B\",\"Effect\":\"Allow\"},{\"Sid\":\"A\",\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\",\"kms:ReEncrypt*\"]}]}";

        List<String> changes = JsonDiff.changes("policy", new JsonPrimitive(before), new JsonPrimitive(after)).stream()
                .map(JsonDiff.Change::describe).toList();

        assertEquals(List.of("policy.Statement[Sid=A].Action[]: + \"kms:ReEncrypt*\"",
                "policy.Statement[Sid=B].Effect: \"Deny\" -> \"Allow\""), changes);
    }

    @Test
    void listsOfObjectsWithoutSidsAreComparedByPosition() {
        JsonArray before = JsonParser.parseString("[{\"region\":\"eu-west-1\"}]").getAsJsonArray();
        JsonArray after = JsonParser.parseString("[{\"region\":\"eu-west-2\"},{\"region\":\"eu-west-1\"}]").getAsJsonArray();

        assertEquals(List.of("replicas[0].region: \"eu-west-1\" -> \"eu-west-2\"", "replicas[1]: + {\"region\":\"eu-west-1\"}"),
                JsonDiff.changes("replicas", before, after).stream().map(JsonDiff.Change::describe).toList());
    }

    private static JsonObject resource(JsonObject plan, String name) {
        for (var element : plan.getAsJsonArray("resources")) {
            if (element.getAsJsonObject().get("name").getAsString().equals(name)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no resource " + name);
    }
}
