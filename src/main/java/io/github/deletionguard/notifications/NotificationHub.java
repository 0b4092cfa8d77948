package io.github.deletionguard.notifications;

import com.google.gson.JsonObject;
import com.pulumi.aws.Provider;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.config.NotificationEndpoint;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.providers.ChildOptions;
import io.github.deletionguard.documents.PolicyTemplate;

import java.util.Map;

/**
 * An SNS topic in the security account with the e-mail subscriptions a person confirms once and,
 * for a hub, the endpoints of tools that page. Each notification region has a hub, where guard
 * alarms of every account in that region publish (CloudWatch alarms cannot publish across
 * regions); the home region also has the notices topic, which e-mail alone receives.
 */
public final class NotificationHub extends ComponentResource {
    public static final String TYPE = "deletion-guard:notifications:NotificationHub";

    private final Output<String> topicArn;

    public NotificationHub(String name, NotificationHubArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);

        Topic topic = new Topic(name + "-topic", TopicArgs.builder()
                .name(args.topicName())
                .build(), ChildOptions.of(this, provider));
        this.topicArn = topic.arn();

        new TopicPolicy(name + "-topic-policy", TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(renderPolicy(args))
                .build(), ChildOptions.of(this, provider));

        // Named by address, not position, so removing one address leaves the others untouched.
        for (String email : args.emails()) {
            new TopicSubscription(name + "-email-" + email, TopicSubscriptionArgs.builder()
                    .topic(topic.arn())
                    .protocol("email")
                    .endpoint(email)
                    .build(), ChildOptions.of(this, provider));
        }

        for (NotificationEndpoint endpoint : args.endpoints()) {
            if (!receivesFrom(endpoint, args.region())) {
                continue;
            }
            new TopicSubscription(name + "-" + endpoint.protocol() + "-" + endpoint.endpoint(), TopicSubscriptionArgs.builder()
                    .topic(topic.arn())
                    .protocol(endpoint.protocol())
                    .endpoint(endpoint.endpoint())
                    .rawMessageDelivery(endpoint.rawMessageDelivery())
                    .build(), ChildOptions.of(this, provider));
        }

        registerOutputs(Map.of("topicArn", topicArn));
    }

    /**
     * A queue or function receives the notifications of the hub in its own region (its policy,
     * which its owner writes, admits that topic); an https endpoint those of every hub.
     */
    static boolean receivesFrom(NotificationEndpoint endpoint, String hubRegion) {
        return endpoint.protocol().equals(NotificationEndpoint.HTTPS) || endpoint.arnRegion().equals(hubRegion);
    }

    static String renderPolicy(NotificationHubArgs args) {
        ResourceNames names = args.names();
        String topicArn = Arns.snsTopic(args.region(), names.securityAccountId(), args.topicName());
        JsonObject policy = args.topicPolicy().fill(Map.of(
                "securityAccountRoot", Arns.accountRoot(names.securityAccountId()),
                "topicArn", topicArn));
        args.alarms().ifPresent(alarms -> policy.getAsJsonArray("Statement").add(alarms.statement().fill(Map.of(
                "topicArn", topicArn,
                "guardedAccountIds", alarms.accountIds(),
                "guardAlarmArns", names.alarmArnInAnyAccount(args.region())))));
        args.eventRules().ifPresent(rules -> policy.getAsJsonArray("Statement").add(rules.statement().fill(Map.of(
                "topicArn", topicArn,
                "securityAccountId", names.securityAccountId(),
                "centralRuleArns", rules.ruleArns()))));
        return PolicyTemplate.minify(policy);
    }

    public Output<String> topicArn() {
        return topicArn;
    }
}
