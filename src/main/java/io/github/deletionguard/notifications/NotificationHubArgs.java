package io.github.deletionguard.notifications;

import com.pulumi.aws.Provider;
import io.github.deletionguard.config.NotificationEndpoint;
import io.github.deletionguard.documents.PolicyTemplate;
import io.github.deletionguard.naming.ResourceNames;

import java.util.List;
import java.util.Optional;

/**
 * @param provider   the security account's provider in {@code region}
 * @param topicName  the topic's physical name: a hub topic, or the notices topic
 * @param names      the security account the topic lives in
 * @param endpoints  the non-e-mail subscribers; the hub subscribes those of its region and every https one
 * @param topicPolicy the statement that lets the security account administer the topic
 * @param alarms     the guard alarms that publish here, if any
 * @param eventRules the security account's EventBridge rules that publish here, if any
 */
public record NotificationHubArgs(
        Provider provider,
        String region,
        String topicName,
        ResourceNames names,
        List<String> emails,
        List<NotificationEndpoint> endpoints,
        PolicyTemplate topicPolicy,
        Optional<AlarmPublishers> alarms,
        Optional<EventRulePublishers> eventRules) {

    public NotificationHubArgs {
        emails = List.copyOf(emails);
        endpoints = List.copyOf(endpoints);
    }
}
