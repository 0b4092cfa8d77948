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

    PUT_KEY_POLICY(AwsService.KMS, "PutKeyPolicy"),
    CREATE_KEY(AwsService.KMS, "CreateKey"),
    IMPORT_KEY_MATERIAL(AwsService.KMS, "ImportKeyMaterial"),
    DISCONNECT_CUSTOM_KEY_STORE(AwsService.KMS, "DisconnectCustomKeyStore"),
    DELETE_CUSTOM_KEY_STORE(AwsService.KMS, "DeleteCustomKeyStore"),
    DELETE_HSM(AwsService.CLOUDHSM, "DeleteHsm"),
    DELETE_CLUSTER(AwsService.CLOUDHSM, "DeleteCluster"),
    DELETE_BACKUP(AwsService.CLOUDHSM, "DeleteBackup"),
    REMOVE_REGIONS_FROM_REPLICATION(AwsService.SECRETS_MANAGER, "RemoveRegionsFromReplication"),
    STOP_REPLICATION_TO_REPLICA(AwsService.SECRETS_MANAGER, "StopReplicationToReplica"),
    PUT_RESOURCE_POLICY(AwsService.SECRETS_MANAGER, "PutResourcePolicy"),
    DELETE_RESOURCE_POLICY(AwsService.SECRETS_MANAGER, "DeleteResourcePolicy"),

    DISABLE_RULE(AwsService.EVENTS, "DisableRule"),
    DELETE_RULE(AwsService.EVENTS, "DeleteRule"),
    PUT_RULE(AwsService.EVENTS, "PutRule"),
    REMOVE_TARGETS(AwsService.EVENTS, "RemoveTargets"),
    PUT_TARGETS(AwsService.EVENTS, "PutTargets"),
    REMOVE_PERMISSION(AwsService.EVENTS, "RemovePermission"),
    PUT_PERMISSION(AwsService.EVENTS, "PutPermission"),
    DELETE_EVENT_BUS(AwsService.EVENTS, "DeleteEventBus"),
    SET_SUBSCRIPTION_ATTRIBUTES(AwsService.SNS, "SetSubscriptionAttributes"),
    UNSUBSCRIBE(AwsService.SNS, "Unsubscribe"),
    SET_TOPIC_ATTRIBUTES(AwsService.SNS, "SetTopicAttributes"),
    DELETE_TOPIC(AwsService.SNS, "DeleteTopic"),
    DELETE_DOCUMENT(AwsService.SSM, "DeleteDocument"),
    UPDATE_DOCUMENT(AwsService.SSM, "UpdateDocument"),
    UPDATE_DOCUMENT_DEFAULT_VERSION(AwsService.SSM, "UpdateDocumentDefaultVersion"),
    DELETE_ALARMS(AwsService.CLOUDWATCH, "DeleteAlarms"),
    DISABLE_ALARM_ACTIONS(AwsService.CLOUDWATCH, "DisableAlarmActions"),
    PUT_METRIC_ALARM(AwsService.CLOUDWATCH, "PutMetricAlarm"),
    DELETE_METRIC_FILTER(AwsService.CLOUDWATCH_LOGS, "DeleteMetricFilter"),
    PUT_METRIC_FILTER(AwsService.CLOUDWATCH_LOGS, "PutMetricFilter"),
    DELETE_LOG_GROUP(AwsService.CLOUDWATCH_LOGS, "DeleteLogGroup"),
    PUT_RETENTION_POLICY(AwsService.CLOUDWATCH_LOGS, "PutRetentionPolicy"),
    ASSOCIATE_KMS_KEY(AwsService.CLOUDWATCH_LOGS, "AssociateKmsKey"),
    STOP_LOGGING(AwsService.CLOUDTRAIL, "StopLogging"),
    DELETE_TRAIL(AwsService.CLOUDTRAIL, "DeleteTrail"),
    UPDATE_TRAIL(AwsService.CLOUDTRAIL, "UpdateTrail"),
    PUT_EVENT_SELECTORS(AwsService.CLOUDTRAIL, "PutEventSelectors"),

    CREATE_ROLE(AwsService.IAM, "CreateRole"),
    DELETE_ROLE(AwsService.IAM, "DeleteRole"),
    UPDATE_ROLE(AwsService.IAM, "UpdateRole"),
    UPDATE_ASSUME_ROLE_POLICY(AwsService.IAM, "UpdateAssumeRolePolicy"),
    PUT_ROLE_POLICY(AwsService.IAM, "PutRolePolicy"),
    DELETE_ROLE_POLICY(AwsService.IAM, "DeleteRolePolicy"),
    ATTACH_ROLE_POLICY(AwsService.IAM, "AttachRolePolicy"),
    DETACH_ROLE_POLICY(AwsService.IAM, "DetachRolePolicy"),
    PUT_ROLE_PERMISSIONS_BOUNDARY(AwsService.IAM, "PutRolePermissionsBoundary"),
    DELETE_ROLE_PERMISSIONS_BOUNDARY(AwsService.IAM, "DeleteRolePermissionsBoundary"),
    ASSUME_ROLE(AwsService.STS, "AssumeRole"),
    DETACH_POLICY(AwsService.ORGANIZATIONS, "DetachPolicy"),
    UPDATE_POLICY(AwsService.ORGANIZATIONS, "UpdatePolicy"),
    DELETE_POLICY(AwsService.ORGANIZATIONS, "DeletePolicy"),
    DISABLE_POLICY_TYPE(AwsService.ORGANIZATIONS, "DisablePolicyType"),
    LEAVE_ORGANIZATION(AwsService.ORGANIZATIONS, "LeaveOrganization"),
    REMOVE_ACCOUNT_FROM_ORGANIZATION(AwsService.ORGANIZATIONS, "RemoveAccountFromOrganization");

    /**
     * The calls after which a key is gone or unusable until someone acts: scheduled for
     * deletion, disabled, or without its imported key material.
     */
    public static final List<ApiCall> KEY_DELETIONS = List.of(SCHEDULE_KEY_DELETION, DISABLE_KEY, DELETE_IMPORTED_KEY_MATERIAL);
    /** The call that deletes a secret, with a recovery window or, forced, without one. */
    public static final List<ApiCall> SECRET_DELETIONS = List.of(DELETE_SECRET);
    /** The calls that take away the custom key store (and so every key in it) from KMS. */
    public static final List<ApiCall> CUSTOM_KEY_STORE_REMOVALS = List.of(DISCONNECT_CUSTOM_KEY_STORE, DELETE_CUSTOM_KEY_STORE);
    /** The CloudHSM calls that destroy the HSMs (or their backups) a custom key store's keys live in. */
    public static final List<ApiCall> CLOUDHSM_DELETIONS = List.of(DELETE_HSM, DELETE_CLUSTER, DELETE_BACKUP);
    /**
     * The calls that delete a secret's replica at once, with no recovery window: the replica
     * leaves replication (and can be deleted at once), or is deleted.
     */
    public static final List<ApiCall> SECRET_REPLICA_REMOVALS = List.of(REMOVE_REGIONS_FROM_REPLICATION, STOP_REPLICATION_TO_REPLICA);
    public static final List<ApiCall> SECRET_POLICY_CHANGES = List.of(PUT_RESOURCE_POLICY, DELETE_RESOURCE_POLICY);
    /** Calls that silence or redirect an EventBridge rule, or delete a bus, by its name ({@code requestParameters.name}). */
    public static final List<ApiCall> RULE_CHANGES = List.of(DISABLE_RULE, DELETE_RULE, PUT_RULE, DELETE_EVENT_BUS);
    /** Calls that change a rule's targets, by the rule's name ({@code requestParameters.rule}). */
    public static final List<ApiCall> RULE_TARGET_CHANGES = List.of(REMOVE_TARGETS, PUT_TARGETS);
    /** Calls that change who may put events on a bus, by the bus's name ({@code requestParameters.eventBusName}). */
    public static final List<ApiCall> EVENT_BUS_CHANGES = List.of(REMOVE_PERMISSION, PUT_PERMISSION);
    public static final List<ApiCall> SUBSCRIPTION_CHANGES = List.of(SET_SUBSCRIPTION_ATTRIBUTES, UNSUBSCRIBE);
    public static final List<ApiCall> TOPIC_CHANGES = List.of(SET_TOPIC_ATTRIBUTES, DELETE_TOPIC);
    public static final List<ApiCall> DOCUMENT_CHANGES = List.of(DELETE_DOCUMENT, UPDATE_DOCUMENT, UPDATE_DOCUMENT_DEFAULT_VERSION);
    /** Calls that delete or silence alarms, by a list of names ({@code requestParameters.alarmNames}). */
    public static final List<ApiCall> ALARM_CHANGES = List.of(DELETE_ALARMS, DISABLE_ALARM_ACTIONS);
    /** Calls on a log group the alarms read, by its name ({@code requestParameters.logGroupName}). */
    public static final List<ApiCall> LOG_GROUP_CHANGES = List.of(DELETE_METRIC_FILTER, PUT_METRIC_FILTER, DELETE_LOG_GROUP,
            PUT_RETENTION_POLICY, ASSOCIATE_KMS_KEY);
    /** Calls that stop a trail recording management events: without them nothing downstream sees anything. */
    public static final List<ApiCall> TRAIL_CHANGES = List.of(STOP_LOGGING, DELETE_TRAIL, UPDATE_TRAIL, PUT_EVENT_SELECTORS);
    /** Calls that create a role or change who may assume it and what it may do, by {@code requestParameters.roleName}. */
    public static final List<ApiCall> ROLE_CHANGES = List.of(CREATE_ROLE, DELETE_ROLE, UPDATE_ROLE, UPDATE_ASSUME_ROLE_POLICY,
            PUT_ROLE_POLICY, DELETE_ROLE_POLICY, ATTACH_ROLE_POLICY, DETACH_ROLE_POLICY, PUT_ROLE_PERMISSIONS_BOUNDARY,
            DELETE_ROLE_PERMISSIONS_BOUNDARY);
    /** Calls that loosen the organization's policies (SCPs, RCPs): detach, rewrite, delete, or switch a type off. */
    public static final List<ApiCall> ORGANIZATION_POLICY_CHANGES = List.of(DETACH_POLICY, UPDATE_POLICY, DELETE_POLICY,
            DISABLE_POLICY_TYPE);
    /** Calls that take an account out of the organization, and so out of every SCP and RCP. */
    public static final List<ApiCall> ORGANIZATION_EXITS = List.of(LEAVE_ORGANIZATION, REMOVE_ACCOUNT_FROM_ORGANIZATION);

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
