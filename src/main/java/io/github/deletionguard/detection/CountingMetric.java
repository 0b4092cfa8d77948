package io.github.deletionguard.detection;

import com.pulumi.aws.cloudwatch.LogMetricFilterArgs;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.LogMetricFilterMetricTransformationArgs;
import com.pulumi.core.Output;

/**
 * A metric filter that counts the matching events of a log group, one per event, and an alarm on
 * at least one of them in a period: the denied-calls counter's two pairs are written once.
 */
final class CountingMetric {
    private CountingMetric() {
    }

    static LogMetricFilterArgs filter(String filterName, Output<String> logGroupName, String pattern, String namespace,
                                      String metricName) {
        return LogMetricFilterArgs.builder()
                .name(filterName)
                .logGroupName(logGroupName)
                .pattern(pattern)
                .metricTransformation(LogMetricFilterMetricTransformationArgs.builder()
                        .namespace(namespace)
                        .name(metricName)
                        .value("1")
                        .unit("Count")
                        .build())
                .build();
    }

    /** Sum of the count at or above one; no events is the healthy state. */
    static MetricAlarmArgs.Builder alarm(String namespace, String metricName) {
        return MetricAlarmArgs.builder()
                .namespace(namespace)
                .metricName(metricName)
                .statistic("Sum")
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .threshold(1.0)
                .treatMissingData("notBreaching");
    }
}
