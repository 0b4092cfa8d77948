package io.github.deletionguard.notifications;

import io.github.deletionguard.documents.PolicyTemplate;

import java.util.List;

/**
 * The guard alarms of the guarded accounts that publish to a hub topic (CloudWatch alarms publish
 * only within their region), with the topic policy statement that admits exactly them.
 *
 * @param accountIds the guarded accounts, as {@code aws:SourceAccount}
 */
public record AlarmPublishers(PolicyTemplate statement, List<String> accountIds) {
    public AlarmPublishers {
        accountIds = List.copyOf(accountIds);
    }
}
