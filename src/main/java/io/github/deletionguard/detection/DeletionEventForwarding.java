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

    public DeletionEventForwarding(String name, DeletionEventForwardingArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        List<Output<String>> ruleArns = new ArrayList<>();
        for (PreparedForwarding.Rule prepared : args.rules()) {
            String childName = logicalName(name, prepared.concern());
            EventRule rule = new EventRule(childName + "-rule", EventRuleArgs.builder()
                    .name(prepared.name())
                    .description(description(prepared.concern()))
                    .eventPattern(prepared.pattern())
                    .state(prepared.state().name())
                    .build(), ChildOptions.of(this, provider));
            new EventTarget(childName + "-to-central-bus", EventTargetArgs.builder()
                    .rule(rule.name())
                    .targetId("central-bus")
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

    private static String description(ForwardingRule concern) {
        return switch (concern) {
            case DELETION_EVENTS -> "Forwards KMS key and secret deletions, use of keys and secrets pending deletion,"
                    + " deletion-guard alarms and remediation results to the security account";
            case KEY_EVENTS -> "Forwards KMS key and secret destruction without a deletion (key policy lock-out,"
                    + " expiring key material, custom key stores, CloudHSM, replicas, policies) to the security account";
            case GUARDRAIL_EVENTS -> "Forwards changes to deletion-guard's own rules, central bus, topics and"
                    + " documents to the security account";
            case MONITORING_EVENTS -> "Forwards changes to deletion-guard's alarms, the log groups they count and"
                    + " trails to the security account";
            case GLOBAL_SERVICE_EVENTS -> "Forwards IAM, STS and Organizations changes to break-glass, deployment and"
                    + " deletion-guard roles and to the organization's policies to the security account";
        };
    }
}
