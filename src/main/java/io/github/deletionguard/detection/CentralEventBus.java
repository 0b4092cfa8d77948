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
import io.github.deletionguard.patterns.RuleState;
import io.github.deletionguard.providers.ChildOptions;

import java.util.Map;
import java.util.Optional;

/**
 * The event bus in the security account's home region that every account and region forwards to,
 * admitting only the organization's forwarding rules (through their roles), with one rule per
 * kind of event that publishes a readable message to the hub topic of the same region, or, for
 * denied calls, writes it to the {@link DeniedCallsCounter}, and one rule per approved deletion in
 * force that notifies it as approved on the notices topic.
 */
public final class CentralEventBus extends ComponentResource {
    public static final String TYPE = "deletion-guard:detection:CentralEventBus";

    private final Output<String> busArn;
    private final Output<String> busName;

    public CentralEventBus(String name, CentralEventBusArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        PreparedForwarding forwarding = args.forwarding();
        EventBus bus = new EventBus(name + "-bus", EventBusArgs.builder()
                .name(forwarding.names().centralBus())
                .description("Deletion events forwarded by every account and region deletion-guard watches")
                .build(), ChildOptions.of(this, provider));
        new EventBusPolicy(name + "-bus-policy", EventBusPolicyArgs.builder()
                .eventBusName(bus.name())
                .policy(forwarding.busPolicy())
                .build(), ChildOptions.of(this, provider));
        Optional<DeniedCallsCounter> counter = forwarding.deniedCalls().map(denied -> new DeniedCallsCounter(
                name + "-denied-calls", new DeniedCallsCounterArgs(provider, denied, args.hubTopicArn(),
                        forwarding.names().deniedCallsLogGroupArn()),
                ComponentResourceOptions.builder().parent(this).build()));
        for (PreparedForwarding.CentralRule central : forwarding.centralRules()) {
            String ruleName = name + "-" + central.kind().id();
            EventRule rule = new EventRule(ruleName, EventRuleArgs.builder()
                    .name(central.name())
                    .eventBusName(bus.name())
                    .description((central.message().isPresent() ? "Notifies: " : "Counts: ") + central.kind().id())
                    .eventPattern(central.pattern())
                    .state(central.state().name())
                    .build(), ChildOptions.of(this, provider));
            central.message().ifPresentOrElse(message -> publish(ruleName + "-to-hub-topic", rule, bus, "hub-topic",
                            args.hubTopicArn(), message, provider),
                    () -> new EventTarget(ruleName + "-to-denied-calls", EventTargetArgs.builder()
                            .rule(rule.name())
                            .eventBusName(bus.name())
                            .targetId("denied-calls")
                            .arn(counter.orElseThrow().logGroupArn())
                            .build(), ChildOptions.of(this, provider)));
        }
        for (PreparedForwarding.ApprovalNotice notice : forwarding.approvalNotices()) {
            String ruleName = name + "-approved-" + notice.approval().id();
            EventRule rule = new EventRule(ruleName, EventRuleArgs.builder()
                    .name(notice.name())
                    .eventBusName(bus.name())
                    .description("Notifies as approved: " + notice.approval().ticket() + " until " + notice.approval().until())
                    .eventPattern(notice.pattern())
                    .state(RuleState.ENABLED.name())
                    .build(), ChildOptions.of(this, provider));
            publish(ruleName + "-to-notices-topic", rule, bus, "notices-topic", args.noticeTopicArn(), notice.message(), provider);
        }
        this.busArn = bus.name().applyValue(ignored -> forwarding.names().centralBusArn());
        this.busName = bus.name();
        registerOutputs(Map.of("busArn", busArn));
    }

    /** A target that publishes the rule's events to a topic as the message. */
    private void publish(String targetName, EventRule rule, EventBus bus, String targetId, Output<String> topicArn,
                         PreparedForwarding.Message message, Provider provider) {
        new EventTarget(targetName, EventTargetArgs.builder()
                .rule(rule.name())
                .eventBusName(bus.name())
                .targetId(targetId)
                .arn(topicArn)
                .inputTransformer(EventTargetInputTransformerArgs.builder()
                        .inputPaths(message.inputPaths())
                        .inputTemplate(message.inputTemplate())
                        .build())
                .build(), ChildOptions.of(this, provider));
    }

    public Output<String> busArn() {
        return busArn;
    }

    /** For rules of other components on the bus. */
    public Output<String> busName() {
        return busName;
    }
}
