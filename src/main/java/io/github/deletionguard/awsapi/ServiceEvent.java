package io.github.deletionguard.awsapi;

/** An event a service itself sends to EventBridge (not a CloudTrail record), by source and detail-type. */
public enum ServiceEvent {
    ALARM_STATE_CHANGE(AwsService.CLOUDWATCH, "CloudWatch Alarm State Change"),
    AUTOMATION_EXECUTION_STATUS_CHANGE(AwsService.SSM, "EC2 Automation Execution Status-change Notification"),
    /** KMS deleted a key's imported material when it expired: the key is unusable until the same material is imported again. */
    KMS_IMPORTED_KEY_MATERIAL_EXPIRATION(AwsService.KMS, "KMS Imported Key Material Expiration");

    /**
     * The detail-type of every API call CloudTrail records, as EventBridge receives it; its source
     * is the called service's. Only a logging trail delivers these.
     */
    public static final String API_CALL_VIA_CLOUDTRAIL = "AWS API Call via CloudTrail";

    private final AwsService service;
    private final String detailType;

    ServiceEvent(AwsService service, String detailType) {
        this.service = service;
        this.detailType = detailType;
    }

    public String detailType() {
        return detailType;
    }

    /** EventBridge's {@code source} of this event. */
    public String source() {
        return service.eventBridgeSource();
    }
}
