package io.github.deletionguard.detection;

import com.pulumi.aws.Provider;
import com.pulumi.aws.cloudwatch.EventBus;
import com.pulumi.aws.cloudwatch.EventBusArgs;
import com.pulumi.aws.cloudwatch.EventBusPolicy;
import com.pulumi.aws.cloudwatch.EventBusPolicyArgs;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetInputTransformerArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.providers.ChildOptions;

import java.util.Map;

/**
 * The event bus in the security account's home region that every account and region forwards to,
 * admitting only the organization's forwarding roles, with one rule per kind of event that
 * publishes a readable message to the hub topic of the same region.
 */
public final class CentralEventBus extends ComponentResource {
    public static final String TYPE = "deletion-guard:detection:CentralEventBus";

    private final Output<String> busArn;

    /**
     * @param provider    the security account's provider in its home region
     * @param hubTopicArn the notification hub topic of the home region
     */
    public record Args(Provider provider, EventForwarding forwarding, Output<String> hubTopicArn) {
    }

    public CentralEventBus(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        EventForwarding forwarding = args.forwarding();
        EventBus bus = new EventBus(name + "-bus", EventBusArgs.builder()
                .name(forwarding.busName())
                .description("Deletion events forwarded by every account and region deletion-guard watches")
                .build(), ChildOptions.of(this, provider));
        new EventBusPolicy(name + "-bus-policy", EventBusPolicyArgs.builder()
                .eventBusName(bus.name())
                .policy(forwarding.busPolicy())
                .build(), ChildOptions.of(this, provider));
        for (EventForwarding.CentralRule central : forwarding.centralRules()) {
            String ruleName = name + "-" + central.kind().id();
            EventRule rule = new EventRule(ruleName, EventRuleArgs.builder()
                    .name(central.name())
                    .eventBusName(bus.name())
                    .description("Notifies: " + central.kind().id())
                    .eventPattern(central.pattern())
                    .state(central.state().name())
                    .build(), ChildOptions.of(this, provider));
            new EventTarget(ruleName + "-to-hub-topic", EventTargetArgs.builder()
                    .rule(rule.name())
                    .eventBusName(bus.name())
                    .targetId("hub-topic")
                    .arn(args.hubTopicArn())
                    .inputTransformer(EventTargetInputTransformerArgs.builder()
                            .inputPaths(central.inputPaths())
                            .inputTemplate(central.inputTemplate())
                            .build())
                    .build(), ChildOptions.of(this, provider));
        }
        this.busArn = bus.name().applyValue(ignored -> forwarding.centralBusArn());
        registerOutputs(Map.of("busArn", busArn));
    }

    public Output<String> busArn() {
        return busArn;
    }
}
