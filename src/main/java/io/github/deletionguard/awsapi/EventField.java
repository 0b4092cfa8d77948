package io.github.deletionguard.awsapi;

/**
 * A field of the events the program matches and reads, written once and rendered in each
 * notation that names it: an EventBridge pattern ({@code detail.errorCode}), an input
 * transformer path ({@code $.detail.errorCode}) and, for CloudTrail record fields, a CloudWatch
 * Logs filter selector on the record itself ({@code $.errorCode}).
 */
public enum EventField {
    ACCOUNT(Part.ENVELOPE, "account"),
    REGION(Part.ENVELOPE, "region"),
    TIME(Part.ENVELOPE, "time"),
    SOURCE(Part.ENVELOPE, "source"),
    DETAIL_TYPE(Part.ENVELOPE, "detail-type"),

    EVENT_SOURCE(Part.CLOUDTRAIL_RECORD, "eventSource"),
    EVENT_NAME(Part.CLOUDTRAIL_RECORD, "eventName"),
    /** CloudTrail's id of the record, the same in event history as in the event EventBridge delivered. */
    EVENT_ID(Part.CLOUDTRAIL_RECORD, "eventID"),
    EVENT_TIME(Part.CLOUDTRAIL_RECORD, "eventTime"),
    ERROR_CODE(Part.CLOUDTRAIL_RECORD, "errorCode"),
    ERROR_MESSAGE(Part.CLOUDTRAIL_RECORD, "errorMessage"),
    CALLER_ARN(Part.CLOUDTRAIL_RECORD, "userIdentity.arn"),
    /** The role behind an assumed-role session, path included (the session's own ARN drops the path). */
    SESSION_ISSUER_ARN(Part.CLOUDTRAIL_RECORD, "userIdentity.sessionContext.sessionIssuer.arn"),
    REQUEST_KEY_ID(Part.CLOUDTRAIL_RECORD, "requestParameters.keyId"),
    /** The key's ARN as KMS answered, whether the caller named it by id, ARN or alias. */
    RESPONSE_KEY_ID(Part.CLOUDTRAIL_RECORD, "responseElements.keyId"),
    REQUEST_SECRET_ID(Part.CLOUDTRAIL_RECORD, "requestParameters.secretId"),
    /** The deleted secret's full ARN as Secrets Manager answered, whether the caller named it by name or ARN. */
    RESPONSE_SECRET_ARN(Part.CLOUDTRAIL_RECORD, "responseElements.aRN"),
    FORCE_DELETE_WITHOUT_RECOVERY(Part.CLOUDTRAIL_RECORD, "requestParameters.forceDeleteWithoutRecovery"),
    /** The log group a CloudWatch Logs call names (DeleteLogGroup, DeleteMetricFilter). */
    REQUEST_LOG_GROUP_NAME(Part.CLOUDTRAIL_RECORD, "requestParameters.logGroupName"),
    /** The metric filter DeleteMetricFilter deletes. */
    REQUEST_FILTER_NAME(Part.CLOUDTRAIL_RECORD, "requestParameters.filterName"),

    ALARM_NAME(Part.SERVICE_DETAIL, "alarmName"),
    ALARM_STATE(Part.SERVICE_DETAIL, "state.value"),
    AUTOMATION_STATUS(Part.SERVICE_DETAIL, "Status"),
    AUTOMATION_EXECUTION_ID(Part.SERVICE_DETAIL, "ExecutionId"),
    AUTOMATION_DEFINITION(Part.SERVICE_DETAIL, "Definition");

    private enum Part { ENVELOPE, CLOUDTRAIL_RECORD, SERVICE_DETAIL }

    private final Part part;
    private final String path;

    EventField(Part part, String path) {
        this.part = part;
        this.path = path;
    }

    /** The field's path in the EventBridge event, as a pattern names it. */
    public String inPattern() {
        return part == Part.ENVELOPE ? path : "detail." + path;
    }

    /** The field's JSONPath in the EventBridge event, as an input transformer reads it. */
    public String inputPath() {
        return "$." + inPattern();
    }

    /** The field's path relative to an object of the event, for an {@code $or} inside that object. */
    public String within(String objectInPattern) {
        String prefix = objectInPattern + ".";
        if (!inPattern().startsWith(prefix)) {
            throw new IllegalArgumentException(name() + " is not inside " + objectInPattern);
        }
        return inPattern().substring(prefix.length());
    }

    /** The selector of a CloudWatch Logs filter on the CloudTrail record itself. */
    public String inLogFilter() {
        if (part != Part.CLOUDTRAIL_RECORD) {
            throw new IllegalStateException(name() + " is not a CloudTrail record field");
        }
        return "$." + path;
    }
}
