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
import java.util.TreeMap;

/**
 * One account and region's remediation: the Automation document and the rule that starts it,
 * in the same account, when a key is scheduled for deletion or a secret deleted with a recovery
 * window (KMS CancelKeyDeletion cannot be called across accounts, so this cannot be central).
 */
public final class DeletionRemediation extends ComponentResource {
    public static final String TYPE = "deletion-guard:remediation:DeletionRemediation";
    public static final String RULE_DESCRIPTION = "Starts deletion-guard's remediation when a key is scheduled for deletion or a"
            + " secret deleted with a recovery window, unless a break-glass role did it";
    /** The id of the rule's one target, the Automation document. */
    public static final String TARGET_ID = "remediation-automation";
    public static final String DOCUMENT_TYPE = "Automation";
    /** YAML, because inline scripts ({@code aws:executeScript}) are only allowed there. */
    public static final String DOCUMENT_FORMAT = "YAML";

    public DeletionRemediation(String name, DeletionRemediationArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        PreparedRemediation remediation = args.remediation();

        Document document = new Document(name + "-document", DocumentArgs.builder()
                .name(remediation.names().remediationDocument())
                .documentType(DOCUMENT_TYPE)
                .documentFormat(DOCUMENT_FORMAT)
                .content(remediation.document().content())
                .build(), ChildOptions.of(this, provider));
        EventRule rule = new EventRule(name + "-rule", EventRuleArgs.builder()
                .name(remediation.names().remediationRule())
                .description(RULE_DESCRIPTION)
                .eventPattern(remediation.pattern(args.accountId()))
                // ScheduleKeyDeletion and DeleteSecret are not read-only: the plain state sees them.
                .state(RuleState.ENABLED.name())
                .build(), ChildOptions.of(this, provider));
        new EventTarget(name + "-to-automation", EventTargetArgs.builder()
                .rule(rule.name())
                .targetId(TARGET_ID)
                .arn(document.name().applyValue(documentName ->
                        Arns.automationDefinition(args.region(), args.accountId(), documentName)))
                .roleArn(args.triggerRoleArn())
                .inputTransformer(EventTargetInputTransformerArgs.builder()
                        .inputPaths(remediation.inputPaths())
                        .inputTemplate(remediation.inputTemplate(args.accountId()))
                        .build())
                .build(), ChildOptions.of(this, provider));
        registerOutputs(new TreeMap<>(Map.of("ruleArn", rule.arn(), "documentName", document.name())));
    }
}
