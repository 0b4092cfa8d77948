package io.github.deletionguard.detection;

import com.pulumi.aws.Provider;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.LogMetricFilter;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.inputs.EventTargetInputTransformerArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.patterns.RuleState;
import io.github.deletionguard.providers.ChildOptions;

import java.util.List;
import java.util.Map;

/**
 * The pipeline roles' denied calls, one notice per pipeline run: a metric filter on the
 * denied-calls log group counts them for an alarm without actions, a rule on the security
 * account's default bus starts the summary Automation when that alarm returns from ALARM to OK,
 * and a ceiling alarm pages the hub topic when the calls go on for hours.
 */
public final class PipelineRunNotices extends ComponentResource {
    public static final String TYPE = "deletion-guard:detection:PipelineRunNotices";
    private static final int ONE_HOUR_SECONDS = 3600;

    /**
     * @param logGroupName the denied-calls log group, from its resource so the filter waits for it
     * @param hubTopicArn  the hub topic of the home region, which only the ceiling alarm notifies
     */
    public record Args(Provider provider, PreparedPipelineRuns pipelineRuns, String metricNamespace,
                       Output<String> logGroupName, Output<String> hubTopicArn) {
    }

    public PipelineRunNotices(String name, Args args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        PreparedPipelineRuns runs = args.pipelineRuns();
        new LogMetricFilter(name + "-filter", CountingMetric.filter(runs.filterName(), args.logGroupName(), runs.filterPattern(),
                args.metricNamespace(), runs.metricName()), ChildOptions.of(this, provider));
        // No actions: its return to OK is what the rule below listens for.
        new MetricAlarm(name + "-alarm", CountingMetric.alarm(args.metricNamespace(), runs.metricName())
                .name(runs.alarmName())
                .alarmDescription(runs.alarmDescription())
                .period(PreparedPipelineRuns.PERIOD_SECONDS)
                .evaluationPeriods(1)
                .datapointsToAlarm(1)
                .build(), ChildOptions.of(this, provider));
        new MetricAlarm(name + "-sustained-alarm", CountingMetric.alarm(args.metricNamespace(), runs.metricName())
                .name(runs.sustainedAlarmName())
                .alarmDescription(runs.sustainedAlarmDescription())
                .period(ONE_HOUR_SECONDS)
                .evaluationPeriods(PreparedPipelineRuns.SUSTAINED_HOURS)
                .datapointsToAlarm(PreparedPipelineRuns.SUSTAINED_HOURS)
                .alarmActions(args.hubTopicArn().applyValue(List::of))
                .build(), ChildOptions.of(this, provider));
        EventRule rule = new EventRule(name + "-rule", EventRuleArgs.builder()
                .name(runs.ruleName())
                .description("Summarizes a pipeline run's denied deletion attempts in one notice when " + runs.alarmName()
                        + " returns to OK")
                .eventPattern(runs.rulePattern())
                .state(RuleState.ENABLED.name())
                .build(), ChildOptions.of(this, provider));
        new EventTarget(name + "-to-summary", EventTargetArgs.builder()
                .rule(rule.name())
                .targetId("summary-automation")
                .arn(runs.automationDefinitionArn())
                .roleArn(runs.triggerRoleArn())
                .inputTransformer(EventTargetInputTransformerArgs.builder()
                        .inputPaths(runs.inputPaths())
                        .inputTemplate(runs.inputTemplate())
                        .build())
                .build(), ChildOptions.of(this, provider));
        registerOutputs(Map.of("ruleArn", rule.arn()));
    }
}
