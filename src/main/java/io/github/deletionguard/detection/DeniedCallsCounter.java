package io.github.deletionguard.detection;

import com.pulumi.aws.Provider;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.LogMetricFilter;
import com.pulumi.aws.cloudwatch.LogResourcePolicy;
import com.pulumi.aws.cloudwatch.LogResourcePolicyArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.providers.ChildOptions;

import java.util.List;
import java.util.Map;

/**
 * Denied calls, counted instead of mailed one by one: the central rules of counted kinds write
 * them to a log group, a metric filter counts them, and one alarm notifies the hub topic when a
 * burst starts. CloudWatch notifies only on a state change, so a burst is one message, and the
 * alarm's description names the Logs Insights query that lists the callers. Successful deletions
 * never pass through here: they are notified one by one, whatever state this alarm is in. The
 * configured pipeline roles' denied calls are counted apart, by {@link PipelineRunNotices}.
 */
public final class DeniedCallsCounter extends ComponentResource {
    public static final String TYPE = "deletion-guard:detection:DeniedCallsCounter";
    /** Long enough to investigate a burst after the fact; the log group holds only denied calls. */
    static final int RETENTION_DAYS = 365;
    static final int PERIOD_SECONDS = 300;

    private final Output<String> logGroupArn;

    public DeniedCallsCounter(String name, DeniedCallsCounterArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        PreparedForwarding.DeniedCalls denied = args.deniedCalls();
        LogGroup logGroup = new LogGroup(name + "-log-group", LogGroupArgs.builder()
                .name(denied.logGroupName())
                .retentionInDays(RETENTION_DAYS)
                .build(), ChildOptions.of(this, provider));
        new LogResourcePolicy(name + "-log-group-policy", LogResourcePolicyArgs.builder()
                .policyName(denied.alarmName())
                .policyDocument(denied.resourcePolicy())
                .build(), ChildOptions.of(this, provider));
        new LogMetricFilter(name + "-filter", CountingMetric.filter(denied.alarmName(), logGroup.name(), denied.filterPattern(),
                denied.metricNamespace(), denied.metricName()), ChildOptions.of(this, provider));
        new MetricAlarm(name + "-alarm", CountingMetric.alarm(denied.metricNamespace(), denied.metricName())
                .name(denied.alarmName())
                .alarmDescription(denied.alarmDescription())
                .period(PERIOD_SECONDS)
                .evaluationPeriods(1)
                .datapointsToAlarm(1)
                .alarmActions(args.hubTopicArn().applyValue(List::of))
                .build(), ChildOptions.of(this, provider));
        denied.pipelineRuns().ifPresent(runs -> new PipelineRunNotices(name + "-pipeline-runs", new PipelineRunNotices.Args(
                provider, runs, denied.metricNamespace(), logGroup.name(), args.hubTopicArn()),
                ComponentResourceOptions.builder().parent(this).build()));
        // The ARN follows from the name; deriving it from the log group keeps the dependency on it.
        this.logGroupArn = logGroup.name().applyValue(ignored -> args.logGroupArn());
        registerOutputs(Map.of("logGroupArn", logGroupArn));
    }

    public Output<String> logGroupArn() {
        return logGroupArn;
    }
}
