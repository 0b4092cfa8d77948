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
import com.pulumi.resources.CustomResourceOptions;
import io.github.deletionguard.providers.ChildOptions;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

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
        String namespace = args.names().metricNamespace();

        List<Output<String>> names = args.alarms().stream().map(prepared -> {
            AlarmDefinition alarm = prepared.definition();
            String physicalName = args.names().alarm(alarm.id());
            AlarmDefinition.Evaluation evaluation = alarm.evaluation(args.settings());
            new LogMetricFilter(filterName(name, alarm.id()), LogMetricFilterArgs.builder()
                    .name(physicalName)
                    .logGroupName(args.logGroupName())
                    .pattern(prepared.filterPattern())
                    .metricTransformation(LogMetricFilterMetricTransformationArgs.builder()
                            .namespace(namespace)
                            .name(alarm.metricName())
                            .value("1")
                            .unit("Count")
                            .build())
                    .build(), childOptions(alarm, provider, id -> filterName(name, id)));

            MetricAlarm metricAlarm = new MetricAlarm(alarmName(name, alarm.id()), MetricAlarmArgs.builder()
                    .name(physicalName)
                    .alarmDescription(alarm.description())
                    .namespace(namespace)
                    .metricName(alarm.metricName())
                    .statistic("Sum")
                    .comparisonOperator("GreaterThanOrEqualToThreshold")
                    .threshold(evaluation.threshold())
                    .period(evaluation.periodSeconds())
                    .evaluationPeriods(evaluation.evaluationPeriods())
                    // One breaching period in the window is enough: a single deletion matters.
                    .datapointsToAlarm(1)
                    // No matching events means no data, which is the healthy state; it also brings
                    // an alarm back to OK, so that the next event changes its state and notifies.
                    .treatMissingData("notBreaching")
                    .alarmActions(args.alarmTopicArn().applyValue(List::of))
                    .build(), childOptions(alarm, provider, id -> alarmName(name, id)));
            return metricAlarm.name();
        }).toList();
        this.alarmNames = Output.all(names);

        registerOutputs(Map.of("alarmNames", alarmNames));
    }

    public Output<List<String>> alarmNames() {
        return alarmNames;
    }

    private static String filterName(String component, String alarmId) {
        return component + "-" + alarmId;
    }

    private static String alarmName(String component, String alarmId) {
        return filterName(component, alarmId) + "-alarm";
    }

    /** An alarm that took over from a released one keeps that one's identity under an alias. */
    private CustomResourceOptions childOptions(AlarmDefinition alarm, Provider provider, UnaryOperator<String> logicalName) {
        return alarm.replaces()
                .map(former -> ChildOptions.renamedFrom(this, provider, logicalName.apply(former)))
                .orElseGet(() -> ChildOptions.of(this, provider));
    }
}
