package io.github.deletionguard.detection;

import com.pulumi.aws.Provider;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.inputs.RoleInlinePolicyArgs;
import com.pulumi.aws.ssm.Document;
import com.pulumi.aws.ssm.DocumentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.providers.ChildOptions;
import io.github.deletionguard.remediation.DeletionRemediation;

import java.util.Map;
import java.util.TreeMap;

/**
 * The summary Automation in the security account's home region: the document that turns the
 * events of a log group into one notice, the role it runs as (query the summarized log groups,
 * publish to the notices topic) and the role the security account's rules start it with.
 */
public final class EventSummary extends ComponentResource {
    public static final String TYPE = "deletion-guard:detection:EventSummary";
    public static final String AUTOMATION_ROLE_DESCRIPTION = "Assumed by deletion-guard's summary Automation to query logged events"
            + " and publish one notice";
    public static final String TRIGGER_ROLE_DESCRIPTION = "Lets deletion-guard's rules in the security account start the summary Automation";
    public static final String AUTOMATION_POLICY = "summarize-events";
    public static final String TRIGGER_POLICY = "start-summary";

    private final Output<String> automationDefinitionArn;
    private final Output<String> automationRoleArn;
    private final Output<String> triggerRoleArn;

    public EventSummary(String name, EventSummaryArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        PreparedSummary summary = args.summary();
        Document document = new Document(name + "-document", DocumentArgs.builder()
                .name(summary.names().summaryDocument())
                .documentType(DeletionRemediation.DOCUMENT_TYPE)
                .documentFormat(DeletionRemediation.DOCUMENT_FORMAT)
                .content(summary.document().content())
                .build(), ChildOptions.of(this, provider));
        Role automationRole = new Role(name + "-automation-role", RoleArgs.builder()
                .name(summary.names().summaryAutomationRole())
                .description(AUTOMATION_ROLE_DESCRIPTION)
                .assumeRolePolicy(summary.renderAutomationRoleTrust())
                .inlinePolicies(RoleInlinePolicyArgs.builder().name(AUTOMATION_POLICY)
                        .policy(summary.renderAutomationRolePolicy(args.logGroupArns())).build())
                .build(), ChildOptions.ofFixedName(this, provider));
        Role triggerRole = new Role(name + "-trigger-role", RoleArgs.builder()
                .name(summary.names().summaryTriggerRole())
                .description(TRIGGER_ROLE_DESCRIPTION)
                .assumeRolePolicy(summary.renderTriggerRoleTrust())
                .inlinePolicies(RoleInlinePolicyArgs.builder().name(TRIGGER_POLICY)
                        .policy(summary.renderTriggerRolePolicy()).build())
                .build(), ChildOptions.ofFixedName(this, provider));
        // The ARNs follow from the names; deriving them from the resources keeps the dependencies on them.
        this.automationDefinitionArn = document.name().applyValue(ignored -> summary.automationDefinitionArn());
        this.automationRoleArn = automationRole.name().applyValue(ignored -> summary.names().summaryAutomationRoleArn());
        this.triggerRoleArn = triggerRole.name().applyValue(ignored -> summary.names().summaryTriggerRoleArn());
        registerOutputs(new TreeMap<>(Map.of("automationDefinitionArn", automationDefinitionArn,
                "automationRoleArn", automationRoleArn, "triggerRoleArn", triggerRoleArn)));
    }

    /** What a rule's target names to start the summary. */
    public Output<String> automationDefinitionArn() {
        return automationDefinitionArn;
    }

    /** The role a rule passes as the AutomationAssumeRole parameter. */
    public Output<String> automationRoleArn() {
        return automationRoleArn;
    }

    /** The role a rule's target starts the summary with. */
    public Output<String> triggerRoleArn() {
        return triggerRoleArn;
    }
}
