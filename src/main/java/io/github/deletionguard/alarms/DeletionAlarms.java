package io.github.deletionguard.alarms;

import com.pulumi.aws.Provider;
import com.pulumi.aws.cloudwatch.LogMetricFilter;
import com.pulumi.aws.cloudwatch.LogMetricFilterArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.LogMetricFilterMetricTransformationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.providers.ChildOptions;
import io.github.deletionguard.config.AlarmSettings;

import java.util.List;
import java.util.Map;

/**
 * Metric filters on one CloudTrail log group and an alarm on each metric, notifying the hub
 * topic of the same region.
 */
public final class DeletionAlarms extends ComponentResource {
    public static final String TYPE = "deletion-guard:alarms:DeletionAlarms";

    private final Output<List<String>> alarmNames;

    public DeletionAlarms(String name, DeletionAlarmsArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Provider provider = ChildOptions.requireProvider(args.provider(), TYPE);
        AlarmSettings settings = args.settings();

        List<Output<String>> names = args.alarms().stream().map(alarm -> {
            String physicalName = args.namePrefix() + "-" + alarm.id();
            new LogMetricFilter(name + "-" + alarm.id(), LogMetricFilterArgs.builder()
                    .name(physicalName)
                    .logGroupName(args.logGroupName())
                    .pattern(alarm.filterPattern().render())
                    .metricTransformation(LogMetricFilterMetricTransformationArgs.builder()
                            .namespace(DeletionAlarm.METRIC_NAMESPACE)
                            .name(alarm.metricName())
                            .value("1")
                            .unit("Count")
                            .build())
                    .build(), ChildOptions.of(this, provider));

            MetricAlarm metricAlarm = new MetricAlarm(name + "-" + alarm.id() + "-alarm", MetricAlarmArgs.builder()
                    .name(physicalName)
                    .alarmDescription(alarm.description())
                    .namespace(DeletionAlarm.METRIC_NAMESPACE)
                    .metricName(alarm.metricName())
                    .statistic("Sum")
                    .comparisonOperator("GreaterThanOrEqualToThreshold")
                    .threshold(alarm.threshold(settings))
                    .period(settings.periodSeconds())
                    .evaluationPeriods(settings.evaluationPeriods())
                    // One breaching period in the window is enough: a single deletion matters.
                    .datapointsToAlarm(1)
                    // No matching events means no data, which is the healthy state.
                    .treatMissingData("notBreaching")
                    .alarmActions(args.alarmTopicArn().applyValue(List::of))
                    .build(), ChildOptions.of(this, provider));
            return metricAlarm.name();
        }).toList();
        this.alarmNames = Output.all(names);

        registerOutputs(Map.of("alarmNames", alarmNames));
    }

    public Output<List<String>> alarmNames() {
        return alarmNames;
    }
}
