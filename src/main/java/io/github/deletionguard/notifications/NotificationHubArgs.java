package io.github.deletionguard.notifications;

import com.pulumi.aws.Provider;
import io.github.deletionguard.documents.PolicyTemplate;

import java.util.List;
import java.util.Optional;

/**
 * @param provider          the security account's provider in {@code region}
 * @param publisherAccounts accounts whose guard alarms may publish (the organization's guarded accounts)
 * @param alarmNamePrefix   only alarms named with this prefix may publish
 * @param eventRules        the security account's EventBridge rules that publish here, if any
 */
public record NotificationHubArgs(
        Provider provider,
        String region,
        String securityAccountId,
        String topicName,
        List<String> publisherAccounts,
        String alarmNamePrefix,
        List<String> emails,
        PolicyTemplate topicPolicy,
        Optional<EventRulePublishers> eventRules) {

    public NotificationHubArgs {
        publisherAccounts = List.copyOf(publisherAccounts);
        emails = List.copyOf(emails);
    }
}
