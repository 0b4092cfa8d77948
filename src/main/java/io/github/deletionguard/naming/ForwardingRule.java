package io.github.deletionguard.naming;

import io.github.deletionguard.awsapi.AwsService;

import java.util.List;

/**
 * The rules on each guarded account's default bus that forward to the central bus, one per
 * concern, so each pattern stays within EventBridge's size quota. Their names are a contract:
 * the central bus admits events only from rules of these names, each account's forwarding role
 * trusts only them, and the status command reads their FailedInvocations metric.
 */
public enum ForwardingRule {
    /** Deletions of keys and secrets, use of them pending deletion, guard alarms, remediation results. */
    DELETION_EVENTS("deletion-events", false),
    /** Keys and secrets destroyed or made unusable without a deletion: lock-out, expiring material, key stores, replicas, policies. */
    KEY_EVENTS("key-events", false),
    /** Tampering with the program's own rules, bus, topics and documents: the path from an event to a person or an undo. */
    GUARDRAIL_EVENTS("guardrail-events", false),
    /** Tampering with what the detection reads: the program's alarms, the log groups they count, and trails. */
    MONITORING_EVENTS("monitoring-events", false),
    /** IAM, STS (global endpoint) and Organizations, whose events EventBridge delivers in us-east-1 only. */
    GLOBAL_SERVICE_EVENTS("global-events", true);

    private final String id;
    private final boolean globalServices;

    ForwardingRule(String id, boolean globalServices) {
        this.id = id;
        this.globalServices = globalServices;
    }

    /** Part of the rule's physical and logical names; never changes once released. */
    public String id() {
        return id;
    }

    /** The rule watches services whose events arrive only in {@link AwsService#GLOBAL_EVENTS_REGION}. */
    public boolean globalServices() {
        return globalServices;
    }

    /** The regions of an account that get this rule. */
    public List<String> regions(List<String> accountRegions) {
        return globalServices ? List.of(AwsService.GLOBAL_EVENTS_REGION) : List.copyOf(accountRegions);
    }
}
