package io.github.deletionguard.config;

import java.util.List;

/** The central account that receives every notification and holds the critical keys and secrets. */
public record SecurityAccount(NamedAccount account, String homeRegion, List<String> notificationEmails) {

    public SecurityAccount {
        notificationEmails = List.copyOf(notificationEmails);
    }
}
