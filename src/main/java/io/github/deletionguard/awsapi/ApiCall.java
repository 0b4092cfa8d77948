package io.github.deletionguard.awsapi;

import java.util.List;

/**
 * An API call the program watches or denies. Its name is both the CloudTrail {@code eventName}
 * and, with the service prefix, the IAM action.
 */
public enum ApiCall {
    SCHEDULE_KEY_DELETION(AwsService.KMS, "ScheduleKeyDeletion"),
    DISABLE_KEY(AwsService.KMS, "DisableKey"),
    DELETE_IMPORTED_KEY_MATERIAL(AwsService.KMS, "DeleteImportedKeyMaterial"),
    DELETE_SECRET(AwsService.SECRETS_MANAGER, "DeleteSecret"),
    REMOVE_REGIONS_FROM_REPLICATION(AwsService.SECRETS_MANAGER, "RemoveRegionsFromReplication"),
    STOP_REPLICATION_TO_REPLICA(AwsService.SECRETS_MANAGER, "StopReplicationToReplica"),
    STOP_LOGGING(AwsService.CLOUDTRAIL, "StopLogging"),
    DELETE_TRAIL(AwsService.CLOUDTRAIL, "DeleteTrail"),
    UPDATE_TRAIL(AwsService.CLOUDTRAIL, "UpdateTrail"),
    PUT_EVENT_SELECTORS(AwsService.CLOUDTRAIL, "PutEventSelectors"),
    DELETE_LOG_GROUP(AwsService.CLOUDWATCH_LOGS, "DeleteLogGroup"),
    DELETE_METRIC_FILTER(AwsService.CLOUDWATCH_LOGS, "DeleteMetricFilter");

    /**
     * The calls after which a key is gone or unusable until someone acts: scheduled for
     * deletion, disabled, or without its imported key material.
     */
    public static final List<ApiCall> KEY_DELETIONS = List.of(SCHEDULE_KEY_DELETION, DISABLE_KEY, DELETE_IMPORTED_KEY_MATERIAL);
    /** The call that deletes a secret, with a recovery window or, forced, without one. */
    public static final List<ApiCall> SECRET_DELETIONS = List.of(DELETE_SECRET);
    /**
     * The calls that delete a secret's replica at once, with no recovery window: the replica
     * leaves replication (and can be deleted at once), or is deleted.
     */
    public static final List<ApiCall> SECRET_REPLICA_REMOVALS = List.of(REMOVE_REGIONS_FROM_REPLICATION, STOP_REPLICATION_TO_REPLICA);
    /**
     * The calls that stop, delete or narrow a trail: after them the events that follow may never
     * reach a log group, a metric filter or EventBridge.
     */
    public static final List<ApiCall> TRAIL_CHANGES = List.of(STOP_LOGGING, DELETE_TRAIL, UPDATE_TRAIL, PUT_EVENT_SELECTORS);

    private final AwsService service;
    private final String eventName;

    ApiCall(AwsService service, String eventName) {
        this.service = service;
        this.eventName = eventName;
    }

    public AwsService service() {
        return service;
    }

    /** CloudTrail's {@code eventName}. */
    public String eventName() {
        return eventName;
    }

    /** The IAM action, e.g. {@code kms:ScheduleKeyDeletion}. */
    public String iamAction() {
        return service.iamPrefix() + ":" + eventName;
    }
}
