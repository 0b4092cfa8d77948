package io.github.deletionguard.detection;

import com.pulumi.aws.Provider;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.providers.ChildOptions;

import java.util.Map;

/**
 * One account and region's rule that forwards deletion events, within seconds, from its default
 * bus to the central bus in the security account's home region (a bus in another account and
 * region is a target EventBridge supports, through a role).
 */
public final class DeletionEventForwarding extends ComponentResource {
    public static final String TYPE = "deletion-guard:detection:DeletionEventForwarding";
    public static final String RULE_DESCRIPTION = "Forwards KMS key and secret deletions, use of keys and secrets pending deletion,"
            + " deletion-guard alarms and remediation results to the security account";
    /** The id of the rule's one target, the central bus. */
    public static final String TARGET_ID = "central-bus";

    public DeletionEventForwarding(String name, DeletionEventForwardingArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        PreparedForwarding forwarding = args.forwarding();
        EventRule rule = new EventRule(name + "-rule", EventRuleArgs.builder()
                .name(forwarding.names().forwardingRule())
                .description(RULE_DESCRIPTION)
                .eventPattern(forwarding.forwardingPattern())
                .state(forwarding.forwardingState().name())
                .build(), ChildOptions.of(this, provider));
        new EventTarget(name + "-to-central-bus", EventTargetArgs.builder()
                .rule(rule.name())
                .targetId(TARGET_ID)
                .arn(args.centralBusArn())
                .roleArn(args.roleArn())
                .build(), ChildOptions.of(this, provider));
        registerOutputs(Map.of("ruleArn", rule.arn()));
    }
}
