package io.github.deletionguard.operate;

import io.github.deletionguard.alarms.DeletionAlarm;

import java.util.List;

/**
 * The physical names of what {@code pulumi up} deployed, as the operate commands look them up.
 * The commands never build a name themselves: they ask this, and this asks the program.
 */
public interface GuardNames {
    String hubTopic();

    String centralBus();

    String forwardingRule();

    /** The rules on the central bus that turn forwarded events into messages, one per notified kind. */
    List<String> notifyRules();

    String remediationRule();

    String remediationDocument();

    String alarm(DeletionAlarm alarm);

    String serviceControlPolicy();
}
