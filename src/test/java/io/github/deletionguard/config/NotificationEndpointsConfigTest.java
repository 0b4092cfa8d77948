package io.github.deletionguard.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code securityAccount.notificationEndpoints}: read and validated as a whole, every problem with
 * its field and fix. The sample's hubs are in eu-central-1 (home and the trail's log group) only.
 */
class NotificationEndpointsConfigTest {
    private static final String PATH = "deletion-guard:securityAccount.notificationEndpoints";
    private static final String QUEUE = "arn:aws:sqs:eu-central-1:444455556666:secops-paging";

    @Test
    void endpointsAreOptionalAndReadWithRawDeliveryOffByDefault() {
        assertEquals(List.of(), ConfigBuilder.sample().load().securityAccount().notificationEndpoints());
        List<NotificationEndpoint> endpoints = withEndpoints("""
                [{"protocol":"https","endpoint":"https://events.example.com/sns/deletion-guard"},
                 {"protocol":"sqs","endpoint":"%s","rawMessageDelivery":"true"},
                 {"protocol":"lambda","endpoint":"arn:aws:lambda:eu-central-1:444455556666:function:page-oncall:live"}]"""
                .formatted(QUEUE)).load().securityAccount().notificationEndpoints();
        assertEquals(List.of(
                new NotificationEndpoint("https", "https://events.example.com/sns/deletion-guard", false),
                new NotificationEndpoint("sqs", QUEUE, true),
                new NotificationEndpoint("lambda", "arn:aws:lambda:eu-central-1:444455556666:function:page-oncall:live", false)),
                endpoints);
    }

    @Test
    void endpointsMayReplaceEmailButSomeoneMustBeTold() {
        ConfigBuilder onlyQueue = withEndpoints("[{\"protocol\":\"sqs\",\"endpoint\":\"" + QUEUE + "\"}]")
                .edit("securityAccount", security -> security.getAsJsonObject().add("notificationEmails", new JsonArray()));
        assertEquals(1, onlyQueue.load().securityAccount().notificationEndpoints().size());
        assertEquals(List.of("deletion-guard:securityAccount.notificationEmails: is empty, and so is notificationEndpoints:"
                        + " nobody would be told when a key or secret is at risk. Fix: list at least one address that a person reads."),
                describe(withEndpoints("[]").edit("securityAccount",
                        security -> security.getAsJsonObject().add("notificationEmails", new JsonArray()))));
    }

    @Test
    void everyBadEndpointIsReportedAtOnceWithItsFieldAndFix() {
        List<String> issues = describe(withEndpoints("""
                [{"protocol":"http","endpoint":"http://events.example.com/"},
                 {"protocol":"email","endpoint":"oncall@example.com"},
                 {"protocol":"sms","endpoint":"+15555550100"},
                 {"protocol":"https","endpoint":"ftp://events.example.com/"},
                 {"protocol":"https","endpoint":"https://bot:hunter2@events.example.com/hook"},
                 {"protocol":"https","endpoint":"https://events.example.com/raw","rawMessageDelivery":true},
                 {"protocol":"sqs","endpoint":"arn:aws:sqs:eu-central-1:444455556666:paging.fifo"},
                 {"protocol":"sqs","endpoint":"arn:aws:sns:eu-central-1:444455556666:paging"},
                 {"protocol":"sqs","endpoint":"arn:aws:sqs:eu-north-1:444455556666:paging"},
                 {"protocol":"lambda","endpoint":"arn:aws:lambda:eu-central-1:444455556666:page-oncall"},
                 {"protocol":"lambda","endpoint":"arn:aws:lambda:eu-central-1:444455556666:function:page","rawMessageDelivery":true},
                 {"protocol":"sqs","endpoint":"%1$s"},
                 {"protocol":"sqs","endpoint":"%1$s"}]""".formatted(QUEUE)));
        assertEquals(List.of(
                PATH + "[0].protocol: plain http would carry every notification unencrypted. Fix: use an https URL.",
                PATH + "[1].protocol: 'email' endpoints are e-mail addresses. Fix: list the address under"
                        + " deletion-guard:securityAccount.notificationEmails.",
                PATH + "[2].protocol: 'sms' is not a protocol the program subscribes. Fix: use one of https, sqs, lambda.",
                PATH + "[3].endpoint: 'ftp://events.example.com/' is not an https URL with a host. Fix: write the URL SNS"
                        + " posts to, e.g. https://events.example.com/sns/deletion-guard.",
                PATH + "[4].endpoint: the URL carries a user name or password, which would sit in the stack file in plain"
                        + " text. Fix: use a URL without credentials, and let the tool verify SNS's message signature instead.",
                PATH + "[5].rawMessageDelivery: without SNS's envelope an https endpoint cannot check the signature that"
                        + " proves SNS sent the message, so anyone who learns the URL could post forged notifications."
                        + " Fix: remove rawMessageDelivery (it is only for sqs).",
                PATH + "[6].endpoint: 'arn:aws:sqs:eu-central-1:444455556666:paging.fifo' is a FIFO queue, which only FIFO"
                        + " topics can deliver to; the hub topics are standard. Fix: subscribe a standard queue.",
                PATH + "[7].endpoint: 'arn:aws:sns:eu-central-1:444455556666:paging' is not an SQS queue ARN. Fix: write it"
                        + " as arn:aws:sqs:<region>:<account>:<queue name>.",
                PATH + "[8].endpoint: 'arn:aws:sqs:eu-north-1:444455556666:paging' is in eu-north-1, which has no hub topic;"
                        + " the hubs are in [eu-central-1]. Fix: use one in a hub's region: each queue or function receives"
                        + " the notifications of its own region's hub.",
                PATH + "[9].endpoint: 'arn:aws:lambda:eu-central-1:444455556666:page-oncall' is not a Lambda function ARN."
                        + " Fix: write it as arn:aws:lambda:<region>:<account>:function:<name>.",
                PATH + "[10].rawMessageDelivery: SNS delivers raw messages only to sqs, http(s) and Firehose subscribers."
                        + " Fix: remove rawMessageDelivery (it is only for sqs).",
                PATH + "[12].endpoint: '" + QUEUE + "' is listed twice: it is already " + PATH + "[11].endpoint. Fix: remove"
                        + " the duplicate: SNS would deliver every notification to it once per entry anyway."),
                issues);
    }

    @Test
    void aQueueBesideAnyHubIsAccepted() {
        // Adding a log group in eu-west-1 gives that region a hub, so a queue there is beside one.
        ConfigBuilder withWestHub = withEndpoints("[{\"protocol\":\"sqs\",\"endpoint\":\"arn:aws:sqs:eu-west-1:444455556666:paging\"}]")
                .edit("accounts", accounts -> ConfigBuilder.entry(accounts, 2).add("cloudTrailLogGroup",
                        JsonParser.parseString("{\"name\":\"workload-trail\",\"region\":\"eu-west-1\"}")));
        assertEquals("eu-west-1", withWestHub.load().securityAccount().notificationEndpoints().get(0).arnRegion());
    }

    @Test
    void anEndpointOfTheWrongShapeIsReportedWithTheShapeToWrite() {
        assertEquals(List.of(
                PATH + "[0]: must be a map of fields, found the text \"https://x.example.com\". Fix: write each endpoint as"
                        + " {protocol: https|sqs|lambda, endpoint: <URL or ARN>}.",
                PATH + "[1].endpoint: is missing. Fix: set the https URL, or the ARN of the SQS queue or Lambda function.",
                PATH + "[2].raw: is not a known field. Fix: use one of endpoint, protocol, rawMessageDelivery, or remove it."),
                describe(withEndpoints("""
                        ["https://x.example.com", {"protocol":"sqs"},
                         {"protocol":"sqs","endpoint":"%s","raw":true}]""".formatted(QUEUE))));
    }

    private static ConfigBuilder withEndpoints(String endpoints) {
        return ConfigBuilder.sample().edit("securityAccount", security -> {
            JsonObject object = security.getAsJsonObject();
            object.add("notificationEndpoints", JsonParser.parseString(endpoints));
        });
    }

    private static List<String> describe(ConfigBuilder builder) {
        return builder.issues().stream().map(ConfigIssue::describe).toList();
    }
}
