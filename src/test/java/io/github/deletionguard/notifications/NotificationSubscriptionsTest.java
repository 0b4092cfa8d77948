package io.github.deletionguard.notifications;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.aws.sns.TopicSubscription;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hub topics' subscriptions as {@code pulumi up} would register them: every e-mail address and
 * https endpoint on every hub, each queue or function on the hub of its own region.
 */
class NotificationSubscriptionsTest {
    private static final String SECURITY = "222222222222";
    private static final String HOOK = "https://events.example.com/sns/deletion-guard";
    private static final String CENTRAL_QUEUE = "arn:aws:sqs:eu-central-1:222222222222:secops-paging";
    private static final String WEST_QUEUE = "arn:aws:sqs:eu-west-1:222222222222:secops-paging";
    private static final String FUNCTION = "arn:aws:lambda:eu-central-1:222222222222:function:page-oncall";

    @Test
    void prodSubscribesItsTwoAddressesOnEachHubAndNothingElse() {
        assertEquals(Map.of(
                        "eu-central-1", List.of("email platform-oncall@example.com", "email secops@example.com"),
                        "eu-west-1", List.of("email platform-oncall@example.com", "email secops@example.com")),
                subscriptionsByRegion(Deployments.ofStackFile("prod")));
    }

    @Test
    void endpointsAreSubscribedBesideTheirHubAndHttpsOnEveryHub() {
        OfflineEngine.Run run = ConfigBuilder.stackFile("prod").edit("securityAccount", security -> security.getAsJsonObject()
                .add("notificationEndpoints", JsonParser.parseString("""
                        [{"protocol":"https","endpoint":"%s"},
                         {"protocol":"sqs","endpoint":"%s","rawMessageDelivery":true},
                         {"protocol":"sqs","endpoint":"%s"},
                         {"protocol":"lambda","endpoint":"%s"}]""".formatted(HOOK, CENTRAL_QUEUE, WEST_QUEUE, FUNCTION))))
                .run();
        assertEquals(List.of(), run.errors());
        assertEquals(Map.of(
                        "eu-central-1", List.of("email platform-oncall@example.com", "email secops@example.com",
                                "https " + HOOK, "lambda " + FUNCTION, "sqs " + CENTRAL_QUEUE),
                        "eu-west-1", List.of("email platform-oncall@example.com", "email secops@example.com",
                                "https " + HOOK, "sqs " + WEST_QUEUE)),
                subscriptionsByRegion(run));

        Map<String, PlannedResource> byName = Deployments.ofType(run, TopicSubscription.class).stream()
                .collect(Collectors.toMap(PlannedResource::name, subscription -> subscription));
        PlannedResource queue = byName.get("notifications-eu-central-1-sqs-" + CENTRAL_QUEUE);
        assertEquals("true", queue.input("rawMessageDelivery"));
        assertEquals("arn:aws:sns:eu-central-1:" + SECURITY + ":deletion-guard-notifications", queue.input("topic"));
        assertEquals(SECURITY, queue.provider().orElseThrow().account());
        // The envelope (with SNS's signature) is kept everywhere else.
        assertEquals("false", byName.get("notifications-eu-west-1-https-" + HOOK).input("rawMessageDelivery"));
        assertEquals("false", byName.get("notifications-eu-central-1-lambda-" + FUNCTION).input("rawMessageDelivery"));
    }

    /** Each hub region's subscriptions as "protocol endpoint", sorted. */
    private static Map<String, List<String>> subscriptionsByRegion(OfflineEngine.Run run) {
        Map<String, TreeSet<String>> byRegion = new TreeMap<>();
        for (PlannedResource subscription : Deployments.ofType(run, TopicSubscription.class)) {
            JsonObject inputs = subscription.inputs();
            assertEquals(SECURITY, subscription.provider().orElseThrow().account(), subscription.name());
            byRegion.computeIfAbsent(subscription.provider().orElseThrow().region(), region -> new TreeSet<>())
                    .add(inputs.get("protocol").getAsString() + " " + inputs.get("endpoint").getAsString());
        }
        Map<String, List<String>> lists = new TreeMap<>();
        byRegion.forEach((region, subscriptions) -> lists.put(region, List.copyOf(subscriptions)));
        return lists;
    }
}
