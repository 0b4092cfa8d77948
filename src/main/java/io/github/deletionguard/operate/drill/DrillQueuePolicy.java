package io.github.deletionguard.operate.drill;

import com.google.gson.Gson;

import java.util.List;
import java.util.Map;

/** The temporary queue admits messages only from the hub topics, built from typed values. */
final class DrillQueuePolicy {
    private DrillQueuePolicy() {
    }

    static String render(String queueArn, List<String> topicArns) {
        return new Gson().toJson(Map.of(
                "Version", "2012-10-17",
                "Statement", List.of(Map.of(
                        "Sid", "HubTopicsOnly",
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "sns.amazonaws.com"),
                        "Action", "sqs:SendMessage",
                        "Resource", queueArn,
                        "Condition", Map.of("ArnEquals", Map.of("aws:SourceArn", topicArns))))));
    }
}
