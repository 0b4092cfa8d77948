package io.github.deletionguard.detection;

import com.pulumi.aws.Provider;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.naming.ForwardingRule;
import io.github.deletionguard.providers.ChildOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One account and region's rules that forward events, within seconds, from its default bus to
 * the central bus in the security account's home region (a bus in another account and region is
 * a target EventBridge supports, through a role): one rule per concern, so each pattern fits
 * EventBridge's quota.
 */
public final class DeletionEventForwarding extends ComponentResource {
    public static final String TYPE = "deletion-guard:detection:DeletionEventForwarding";
    /** The id of the rule's one target, the central bus. */
    public static final String TARGET_ID = "central-bus";

    public DeletionEventForwarding(String name, DeletionEventForwardingArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        List<Output<String>> ruleArns = new ArrayList<>();
        for (PreparedForwarding.MemberRule prepared : args.rules()) {
            String childName = logicalName(name, prepared.concern());
            EventRule rule = new EventRule(childName + "-rule", EventRuleArgs.builder()
                    .name(prepared.name())
                    .description(prepared.description())
                    .eventPattern(prepared.pattern())
                    .state(prepared.state().name())
                    .build(), ChildOptions.of(this, provider));
            new EventTarget(childName + "-to-central-bus", EventTargetArgs.builder()
                    .rule(rule.name())
                    .targetId(TARGET_ID)
                    .arn(args.centralBusArn())
                    .roleArn(args.roleArn())
                    .build(), ChildOptions.of(this, provider));
            ruleArns.add(rule.arn());
        }
        registerOutputs(Map.of("ruleArns", Output.all(ruleArns)));
    }

    /** The deletion events rule keeps the logical names it was released with; the others carry their concern. */
    private static String logicalName(String name, ForwardingRule concern) {
        return concern == ForwardingRule.DELETION_EVENTS ? name : name + "-" + concern.id();
    }
}
