package io.github.deletionguard.plan;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first item of the checklist after the first up: who must confirm which subscription, and how. */
class PostDeployChecklistTest {

    private static JsonObject endpoint(String protocol, String endpoint) {
        JsonObject entry = new JsonObject();
        entry.addProperty("protocol", protocol);
        entry.addProperty("endpoint", endpoint);
        return entry;
    }

    private static List<String> checklistWithEndpoints(JsonObject... endpoints) {
        ConfigBuilder config = ConfigBuilder.stackFile("prod").edit("securityAccount", security -> {
            JsonArray list = new JsonArray();
            for (JsonObject endpoint : endpoints) {
                list.add(endpoint);
            }
            security.getAsJsonObject().add("notificationEndpoints", list);
        });
        return PostDeployChecklist.items(new PlanView(config.run(), Set.of()));
    }

    @Test
    void anHttpsEndpointAndAQueueOfAnotherAccountAreConfirmedByTheirOwnersOnEveryHubButNotTheNotices() {
        List<String> items = checklistWithEndpoints(
                endpoint("https", "https://events.example.com/sns/deletion-guard"),
                endpoint("sqs", "arn:aws:sqs:eu-central-1:999999999999:paging"),
                endpoint("sqs", "arn:aws:sqs:eu-west-1:222222222222:secops-paging"));

        String endpoints = items.get(1);
        assertEquals("""
                Confirm the endpoints of tools that page: each receives a SubscriptionConfirmation message per topic and gets\
                 nothing until its owner confirms it (the https endpoint visits the SubscribeURL; a queue's or function's owner\
                 runs aws sns confirm-subscription with the token):
                      https https://events.example.com/sns/deletion-guard: arn:aws:sns:eu-central-1:222222222222:deletion-guard-notifications,\
                 arn:aws:sns:eu-west-1:222222222222:deletion-guard-notifications
                      sqs arn:aws:sqs:eu-central-1:999999999999:paging: arn:aws:sns:eu-central-1:222222222222:deletion-guard-notifications""",
                endpoints);
        assertTrue(items.get(0).startsWith("Confirm the subscriptions: each address receives one e-mail per topic"), items.get(0));
        assertTrue(!items.get(0).contains("https://") && !items.get(0).contains("sqs"), items.get(0));
    }

    @Test
    void withoutEndpointsOnlyTheAddressesAreListed() {
        List<String> items = checklistWithEndpoints();

        assertTrue(items.stream().noneMatch(item -> item.startsWith("Confirm the endpoints")), items.toString());
    }
}
