package io.github.deletionguard.config;

import java.util.List;

/**
 * A non-e-mail subscriber of the hub topics, for teams that page through a tool: an HTTPS URL,
 * an SQS queue or a Lambda function, as SNS names them ({@code Protocol}, {@code Endpoint}).
 *
 * @param rawMessageDelivery SNS delivers the message body alone instead of its JSON envelope;
 *                           only for sqs, where the queue policy already says who may send
 */
public record NotificationEndpoint(String protocol, String endpoint, boolean rawMessageDelivery) {
    public static final String HTTPS = "https";
    public static final String SQS = "sqs";
    public static final String LAMBDA = "lambda";
    /** The protocols the program subscribes; e-mail addresses are listed in notificationEmails. */
    public static final List<String> PROTOCOLS = List.of(HTTPS, SQS, LAMBDA);

    /** Where a queue or function is: the region part of its ARN; an https endpoint has none. */
    public String arnRegion() {
        String[] parts = endpoint.split(":", 6);
        return parts.length == 6 ? parts[3] : "";
    }
}
