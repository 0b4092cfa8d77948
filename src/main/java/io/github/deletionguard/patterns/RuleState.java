package io.github.deletionguard.patterns;

/**
 * The state of an EventBridge rule, which also decides whether it sees read-only management
 * events from CloudTrail (a Decrypt or GetSecretValue that failed, for instance).
 */
public enum RuleState {
    /** Matches every event except read-only management events delivered through CloudTrail. */
    ENABLED,
    /**
     * Matches read-only management events too. Only rules whose patterns need those get it: on a
     * default bus it makes EventBridge evaluate every read-only call of the account and region.
     */
    ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS;

    public static RuleState seeing(boolean readOnlyCalls) {
        return readOnlyCalls ? ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS : ENABLED;
    }
}
