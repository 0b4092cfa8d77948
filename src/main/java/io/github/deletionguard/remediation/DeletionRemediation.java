package io.github.deletionguard.remediation;

import com.pulumi.aws.Provider;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.inputs.EventTargetInputTransformerArgs;
import com.pulumi.aws.ssm.Document;
import com.pulumi.aws.ssm.DocumentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.providers.ChildOptions;
import io.github.deletionguard.patterns.RuleState;

import java.util.Map;

/**
 * One account and region's remediation: the Automation document and the rule that starts it,
 * in the same account, when a key is scheduled for deletion or a secret deleted with a recovery
 * window (KMS CancelKeyDeletion cannot be called across accounts, so this cannot be central).
 */
public final class DeletionRemediation extends ComponentResource {
    public static final String TYPE = "deletion-guard:remediation:DeletionRemediation";

    /**
     * @param provider       the account's provider in {@code region}
     * @param triggerRoleArn the role the rule uses to start the Automation
     */
    public record Args(Provider provider, String region, String accountId, Remediation remediation,
                       Output<String> triggerRoleArn) {
    }

    public DeletionRemediation(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        Remediation remediation = args.remediation();

        Document document = new Document(name + "-document", DocumentArgs.builder()
                .name(remediation.documentName())
                .documentType("Automation")
                .documentFormat("YAML")
                .content(remediation.document().content())
                .build(), ChildOptions.of(this, provider));
        EventRule rule = new EventRule(name + "-rule", EventRuleArgs.builder()
                .name(remediation.ruleName())
                .description("Starts deletion-guard's remediation when a key is scheduled for deletion or a"
                        + " secret deleted with a recovery window, unless a break-glass role did it")
                .eventPattern(remediation.pattern())
                // ScheduleKeyDeletion and DeleteSecret are not read-only: the plain state sees them.
                .state(RuleState.ENABLED.name())
                .build(), ChildOptions.of(this, provider));
        new EventTarget(name + "-to-automation", EventTargetArgs.builder()
                .rule(rule.name())
                .targetId("remediation-automation")
                .arn(document.name().applyValue(documentName ->
                        Arns.automationDefinition(args.region(), args.accountId(), documentName)))
                .roleArn(args.triggerRoleArn())
                .inputTransformer(EventTargetInputTransformerArgs.builder()
                        .inputPaths(remediation.inputPaths())
                        .inputTemplate(remediation.inputTemplate(args.accountId()))
                        .build())
                .build(), ChildOptions.of(this, provider));
        registerOutputs(Map.of("ruleArn", rule.arn(), "documentName", document.name()));
    }
}
