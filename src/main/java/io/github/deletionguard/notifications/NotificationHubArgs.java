package io.github.deletionguard.notifications;

import com.pulumi.aws.Provider;
import io.github.deletionguard.config.NotificationEndpoint;
import io.github.deletionguard.documents.PolicyTemplate;
import io.github.deletionguard.naming.ResourceNames;

import java.util.List;
import java.util.Optional;

/**
 * @param provider          the security account's provider in {@code region}
 * @param publisherAccounts accounts whose guard alarms may publish (the organization's guarded accounts)
 * @param names             the topic's name and the names of the alarms that may publish
 * @param endpoints         the non-e-mail subscribers; the hub subscribes those of its region and every https one
 * @param eventRules        the security account's EventBridge rules that publish here, if any
 */
public record NotificationHubArgs(
        Provider provider,
        String region,
        ResourceNames names,
        List<String> publisherAccounts,
        List<String> emails,
        List<NotificationEndpoint> endpoints,
        PolicyTemplate topicPolicy,
        Optional<EventRulePublishers> eventRules) {

    public NotificationHubArgs {
        publisherAccounts = List.copyOf(publisherAccounts);
        emails = List.copyOf(emails);
        endpoints = List.copyOf(endpoints);
    }
}
