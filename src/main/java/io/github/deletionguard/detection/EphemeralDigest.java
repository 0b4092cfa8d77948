package io.github.deletionguard.detection;

import com.pulumi.aws.Provider;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.LogResourcePolicy;
import com.pulumi.aws.cloudwatch.LogResourcePolicyArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.github.deletionguard.patterns.RuleState;
import io.github.deletionguard.providers.ChildOptions;

import java.util.Map;

/**
 * The daily digest of the ephemeral scopes: a rule on the central bus writes the deletion events
 * of their accounts to a log group (the paging rules skip those accounts), and a schedule on the
 * security account's default bus starts the summary Automation over the last day, which publishes
 * one notice, or nothing when nothing happened.
 */
public final class EphemeralDigest extends ComponentResource {
    public static final String TYPE = "deletion-guard:detection:EphemeralDigest";
    public static final String RULE_DESCRIPTION = "Logs key and secret deletions in the ephemeral scopes' accounts for the"
            + " daily digest, instead of paging";
    public static final String SCHEDULE_DESCRIPTION = "Starts deletion-guard's daily digest of deletions in the ephemeral"
            + " scopes, at " + PreparedEphemeralDigest.SCHEDULE_TIME_UTC + " UTC";

    public EphemeralDigest(String name, EphemeralDigestArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        PreparedEphemeralDigest digest = args.digest();
        LogGroup logGroup = new LogGroup(name + "-log-group", LogGroupArgs.builder()
                .name(digest.names().ephemeralEventsLogGroup())
                .retentionInDays(PreparedEphemeralDigest.RETENTION_DAYS)
                .build(), ChildOptions.of(this, provider));
        LogResourcePolicy writers = new LogResourcePolicy(name + "-log-group-policy", LogResourcePolicyArgs.builder()
                .policyName(digest.names().ephemeralEventsRule())
                .policyDocument(digest.logGroupResourcePolicy())
                .build(), ChildOptions.of(this, provider));
        EventRule rule = new EventRule(name + "-rule", EventRuleArgs.builder()
                .name(digest.names().ephemeralEventsRule())
                .eventBusName(args.centralBus())
                .description(RULE_DESCRIPTION)
                .eventPattern(digest.pattern())
                .state(digest.state().name())
                .build(), ChildOptions.of(this, provider));
        new EventTarget(name + "-to-log-group", EventTargetArgs.builder()
                .rule(rule.name())
                .eventBusName(args.centralBus())
                .targetId("ephemeral-events")
                .arn(logGroup.name().applyValue(ignored -> digest.names().ephemeralEventsLogGroupArn()))
                .build(), CustomResourceOptions.builder().parent(this).provider(provider)
                // EventBridge writes only once the resource policy lets it.
                .dependsOn(writers).build());
        EventRule schedule = new EventRule(name + "-schedule", EventRuleArgs.builder()
                .name(digest.names().ephemeralDigestSchedule())
                .description(SCHEDULE_DESCRIPTION)
                .scheduleExpression(PreparedEphemeralDigest.SCHEDULE_EXPRESSION)
                .state(RuleState.ENABLED.name())
                .build(), ChildOptions.of(this, provider));
        new EventTarget(name + "-schedule-to-summary", EventTargetArgs.builder()
                .rule(schedule.name())
                .targetId("summary-automation")
                .arn(args.summary().automationDefinitionArn())
                .roleArn(args.summary().triggerRoleArn())
                .input(args.summary().automationRoleArn().applyValue(ignored -> digest.automationInput()))
                .build(), ChildOptions.of(this, provider));
        registerOutputs(Map.of("ruleArn", rule.arn(), "scheduleArn", schedule.arn()));
    }
}
