package io.github.deletionguard.plan;

import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.sns.TopicSubscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a person must do after the first {@code pulumi up} before the guard works: AWS sends
 * e-mail subscriptions a confirmation that nobody else can click, and secrets created empty or
 * from a placeholder value hold nothing a workload can use.
 */
final class PostDeployChecklist {
    private PostDeployChecklist() {
    }

    static List<String> items(PlanView plan) {
        Set<String> secureConfigKeys = plan.secureConfigKeys();
        List<String> items = new ArrayList<>();
        subscriptions(plan).ifPresent(items::add);
        endpoints(plan).ifPresent(items::add);
        Map<String, String> emptySecrets = new TreeMap<>();
        Set<String> filledSecrets = new TreeSet<>();
        Set<String> versionParents = new TreeSet<>();
        plan.ofType(SecretVersion.class).forEach(version -> version.parent().ifPresent(versionParents::add));
        for (PlannedResource secret : plan.ofType(Secret.class)) {
            String name = secret.input("name");
            if (secret.parent().filter(versionParents::contains).isPresent()) {
                filledSecrets.add(name);
            } else {
                emptySecrets.put(name, plan.place(secret.provider().orElseThrow()));
            }
        }
        if (!emptySecrets.isEmpty()) {
            StringBuilder item = new StringBuilder("Secrets created empty: their owners put the value"
                    + " (aws secretsmanager put-secret-value --secret-id <name> --secret-string file://value.json):");
            emptySecrets.forEach((name, place) -> item.append("\n      ").append(name).append(" (").append(place).append(')'));
            items.add(item.toString());
        }
        if (!filledSecrets.isEmpty()) {
            items.add("Secrets with a value from secure config (" + String.join(", ", filledSecrets) + "): before the first up, set"
                    + " the real value of " + (secureConfigKeys.isEmpty() ? "their config keys" : String.join(", ", new TreeSet<>(secureConfigKeys)))
                    + " with pulumi config set --secret <key>; preflight " + plan.run().stack()
                    + " fails on a placeholder ciphertext copied from the repository's stack files.");
        }
        String stack = plan.run().stack();
        items.add("Run drill " + stack + " in a quiet window, then status " + stack + ": every alarm, rule and subscription answers.");
        return items;
    }

    private static List<PlannedResource> emailSubscriptions(PlanView plan) {
        return plan.ofType(TopicSubscription.class).stream().filter(subscription -> subscription.input("protocol").equals("email")).toList();
    }

    /**
     * A tool's endpoint is confirmed by its owner: an https endpoint must answer SNS's
     * SubscriptionConfirmation (visit its SubscribeURL), and a queue or function of another
     * account receives that message itself; one in the topic's own account is confirmed at once.
     */
    private static java.util.Optional<String> endpoints(PlanView plan) {
        Map<String, Set<String>> topicsByEndpoint = new TreeMap<>();
        for (PlannedResource subscription : plan.ofType(TopicSubscription.class)) {
            String protocol = subscription.input("protocol");
            String endpoint = subscription.input("endpoint");
            String topicArn = subscription.input("topic");
            boolean confirmedAtOnce = !protocol.equals("https") && accountOf(endpoint).equals(accountOf(topicArn));
            if (!protocol.equals("email") && !confirmedAtOnce) {
                topicsByEndpoint.computeIfAbsent(protocol + " " + endpoint, key -> new TreeSet<>()).add(topicArn);
            }
        }
        if (topicsByEndpoint.isEmpty()) {
            return java.util.Optional.empty();
        }
        StringBuilder item = new StringBuilder("Confirm the endpoints of tools that page: each receives a SubscriptionConfirmation"
                + " message per topic and gets nothing until its owner confirms it (the https endpoint visits the SubscribeURL;"
                + " a queue's or function's owner runs aws sns confirm-subscription with the token):");
        topicsByEndpoint.forEach((endpoint, topics) -> item.append("\n      ").append(endpoint).append(": ")
                .append(String.join(", ", topics)));
        return java.util.Optional.of(item.toString());
    }

    /** The account field of an ARN; an https URL has none. */
    private static String accountOf(String arnOrUrl) {
        String[] parts = arnOrUrl.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") ? parts[4] : "";
    }

    /** One confirmation e-mail per address and topic (a hub per notification region, and the notices); unconfirmed, nothing is delivered. */
    private static java.util.Optional<String> subscriptions(PlanView plan) {
        Map<String, Set<String>> topicsByAddress = new TreeMap<>();
        Map<String, String> regionByTopic = new TreeMap<>();
        for (PlannedResource subscription : emailSubscriptions(plan)) {
            String region = subscription.provider().orElseThrow().region();
            String topicArn = subscription.input("topic");
            String topicName = topicArn.substring(topicArn.lastIndexOf(':') + 1);
            topicsByAddress.computeIfAbsent(subscription.input("endpoint"), key -> new TreeSet<>())
                    .add(topicName + " (" + region + ")");
            regionByTopic.put(topicArn, region);
        }
        if (topicsByAddress.isEmpty()) {
            return java.util.Optional.empty();
        }
        StringBuilder item = new StringBuilder("Confirm the subscriptions: each address receives one e-mail per topic,"
                + " and nothing is delivered to it until it is confirmed:");
        topicsByAddress.forEach((address, topics) -> item.append("\n      ").append(address).append(": ").append(String.join(", ", topics)));
        item.append("\n    Confirm with authentication, so that only an AWS-authenticated call can unsubscribe (not the link in every"
                + " notification): copy the token from the confirmation link and, in the security account, run");
        regionByTopic.forEach((topic, region) -> item.append("\n      aws sns confirm-subscription --region ").append(region)
                .append(" --topic-arn ").append(topic).append(" --token <token> --authenticate-on-unsubscribe true"));
        return java.util.Optional.of(item.toString());
    }
}
