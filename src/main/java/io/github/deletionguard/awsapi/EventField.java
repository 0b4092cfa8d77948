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
    /** The ARNs the event is about; an alarm state change carries its alarm's. */
    RESOURCES(Part.ENVELOPE, "resources"),

    EVENT_SOURCE(Part.CLOUDTRAIL_RECORD, "eventSource"),
    EVENT_NAME(Part.CLOUDTRAIL_RECORD, "eventName"),
    /** CloudTrail's id of the record, the same in event history as in the event EventBridge delivered. */
    EVENT_ID(Part.CLOUDTRAIL_RECORD, "eventID"),
    EVENT_TIME(Part.CLOUDTRAIL_RECORD, "eventTime"),
    /** The account the call was made in, which CloudTrail writes (and the forwarded event's {@code account} is). */
    RECIPIENT_ACCOUNT_ID(Part.CLOUDTRAIL_RECORD, "recipientAccountId"),
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
    /** KMS PutKeyPolicy and CreateKey: true skips the check that the caller can still administer the key. */
    BYPASS_POLICY_LOCKOUT_SAFETY_CHECK(Part.CLOUDTRAIL_RECORD, "requestParameters.bypassPolicyLockoutSafetyCheck"),
    /** KMS ImportKeyMaterial: KEY_MATERIAL_EXPIRES or KEY_MATERIAL_DOES_NOT_EXPIRE. */
    EXPIRATION_MODEL(Part.CLOUDTRAIL_RECORD, "requestParameters.expirationModel"),
    /** KMS ImportKeyMaterial: when KMS deletes the material. */
    VALID_TO(Part.CLOUDTRAIL_RECORD, "requestParameters.validTo"),
    REQUEST_CUSTOM_KEY_STORE_ID(Part.CLOUDTRAIL_RECORD, "requestParameters.customKeyStoreId"),
    REQUEST_CLUSTER_ID(Part.CLOUDTRAIL_RECORD, "requestParameters.clusterId"),
    REQUEST_HSM_ID(Part.CLOUDTRAIL_RECORD, "requestParameters.hsmId"),
    REQUEST_BACKUP_ID(Part.CLOUDTRAIL_RECORD, "requestParameters.backupId"),
    /** EventBridge rules and buses, SSM documents and CloudTrail trails by name. */
    REQUEST_NAME(Part.CLOUDTRAIL_RECORD, "requestParameters.name"),
    /** CloudTrail PutEventSelectors: the trail's name or ARN (the other trail calls say {@code name}). */
    REQUEST_TRAIL_NAME(Part.CLOUDTRAIL_RECORD, "requestParameters.trailName"),
    /** EventBridge PutTargets and RemoveTargets: the rule's name. */
    REQUEST_RULE(Part.CLOUDTRAIL_RECORD, "requestParameters.rule"),
    REQUEST_EVENT_BUS_NAME(Part.CLOUDTRAIL_RECORD, "requestParameters.eventBusName"),
    REQUEST_TOPIC_ARN(Part.CLOUDTRAIL_RECORD, "requestParameters.topicArn"),
    REQUEST_SUBSCRIPTION_ARN(Part.CLOUDTRAIL_RECORD, "requestParameters.subscriptionArn"),
    /** CloudWatch DeleteAlarms, DisableAlarmActions: a list of names. */
    REQUEST_ALARM_NAMES(Part.CLOUDTRAIL_RECORD, "requestParameters.alarmNames"),
    /** CloudWatch PutMetricAlarm: one name. */
    REQUEST_ALARM_NAME(Part.CLOUDTRAIL_RECORD, "requestParameters.alarmName"),
    REQUEST_LOG_GROUP_NAME(Part.CLOUDTRAIL_RECORD, "requestParameters.logGroupName"),
    REQUEST_FILTER_NAME(Part.CLOUDTRAIL_RECORD, "requestParameters.filterName"),
    REQUEST_ROLE_NAME(Part.CLOUDTRAIL_RECORD, "requestParameters.roleName"),
    /** STS AssumeRole: the role assumed, path included. */
    REQUEST_ROLE_ARN(Part.CLOUDTRAIL_RECORD, "requestParameters.roleArn"),
    REQUEST_POLICY_ID(Part.CLOUDTRAIL_RECORD, "requestParameters.policyId"),
    REQUEST_TARGET_ID(Part.CLOUDTRAIL_RECORD, "requestParameters.targetId"),
    REQUEST_POLICY_TYPE(Part.CLOUDTRAIL_RECORD, "requestParameters.policyType"),
    REQUEST_ACCOUNT_ID(Part.CLOUDTRAIL_RECORD, "requestParameters.accountId"),

    ALARM_NAME(Part.SERVICE_DETAIL, "alarmName"),
    ALARM_STATE(Part.SERVICE_DETAIL, "state.value"),
    ALARM_PREVIOUS_STATE(Part.SERVICE_DETAIL, "previousState.value"),
    /** When the alarm entered its previous state, e.g. {@code 2026-11-20T09:05:00.000+0000}. */
    ALARM_PREVIOUS_STATE_TIME(Part.SERVICE_DETAIL, "previousState.timestamp"),
    AUTOMATION_STATUS(Part.SERVICE_DETAIL, "Status"),
    AUTOMATION_EXECUTION_ID(Part.SERVICE_DETAIL, "ExecutionId"),
    AUTOMATION_DEFINITION(Part.SERVICE_DETAIL, "Definition"),
    /** The KMS service events' key id, e.g. of "KMS Imported Key Material Expiration". */
    KMS_EVENT_KEY_ID(Part.SERVICE_DETAIL, "key-id");

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
