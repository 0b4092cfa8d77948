package io.github.deletionguard.config;

import java.util.List;

/**
 * The central account that receives every notification and holds the critical keys and secrets.
 *
 * @param notificationEndpoints subscribers other than e-mail (https, sqs, lambda), none by default
 */
public record SecurityAccount(NamedAccount account, String homeRegion, List<String> notificationEmails,
                              List<NotificationEndpoint> notificationEndpoints) {

    public SecurityAccount {
        notificationEmails = List.copyOf(notificationEmails);
        notificationEndpoints = List.copyOf(notificationEndpoints);
    }
}
