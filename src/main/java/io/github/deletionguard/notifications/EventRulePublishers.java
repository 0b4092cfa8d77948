package io.github.deletionguard.notifications;

import io.github.deletionguard.documents.PolicyTemplate;

import java.util.List;

/**
 * EventBridge rules of the security account that publish to a hub topic, with the topic policy
 * statement that admits exactly them. Only the region that hosts those rules has them.
 */
public record EventRulePublishers(PolicyTemplate statement, List<String> ruleArns) {
    public EventRulePublishers {
        ruleArns = List.copyOf(ruleArns);
    }
}
