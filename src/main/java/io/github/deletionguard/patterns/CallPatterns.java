package io.github.deletionguard.patterns;

import io.github.deletionguard.awsapi.ApiCall;
import io.github.deletionguard.awsapi.ApiError;
import io.github.deletionguard.awsapi.EventField;

import java.util.List;

import static io.github.deletionguard.patterns.EventPattern.Match.equalTo;
import static io.github.deletionguard.patterns.EventPattern.Match.exists;
import static io.github.deletionguard.patterns.EventPattern.Match.suffix;

/**
 * EventBridge patterns of the API calls in the catalogue, shared by the notified events and the
 * remediation rule so that what is notified and what is undone are the same calls.
 */
public final class CallPatterns {
    private CallPatterns() {
    }

    /** Any of the calls, allowed or not; all of one service. */
    public static EventPattern anyOf(List<ApiCall> calls) {
        if (calls.stream().map(ApiCall::service).distinct().count() != 1) {
            throw new IllegalArgumentException("calls of one service only: " + calls);
        }
        return EventPattern.apiCall(calls.get(0).service()).with(EventField.EVENT_NAME,
                calls.stream().map(call -> equalTo(call.eventName())).toArray(EventPattern.Match[]::new));
    }

    /** The call succeeded: CloudTrail records an errorCode only for a call that failed. */
    public static EventPattern succeeded(EventPattern call) {
        return call.with(EventField.ERROR_CODE, exists(false));
    }

    public static EventPattern failed(EventPattern call) {
        return call.with(EventField.ERROR_CODE, exists(true));
    }

    /** A DeleteSecret with a recovery window: forceDeleteWithoutRecovery false or not given. */
    public static EventPattern recoverableSecretDeletion() {
        return falseOrAbsent(anyOf(ApiCall.SECRET_DELETIONS), EventField.FORCE_DELETE_WITHOUT_RECOVERY);
    }

    /** The call with a boolean request parameter false or not given (which the APIs read as false). */
    public static EventPattern falseOrAbsent(EventPattern call, EventField flag) {
        String requestParameters = "detail.requestParameters";
        String name = flag.within(requestParameters);
        return call.withAnyOf(requestParameters, List.of(
                EventPattern.empty().with(name, equalTo(false)),
                EventPattern.empty().with(name, exists(false))));
    }

    /** Calls of one service that succeeded on a resource whose field matches one of the alternatives. */
    public static EventPattern succeededOn(List<ApiCall> calls, EventField resource, EventPattern.Match... alternatives) {
        return succeeded(anyOf(calls)).with(resource, alternatives);
    }

    /** A DeleteSecret without a recovery window: the secret is gone at once. */
    public static EventPattern forcedSecretDeletion() {
        return anyOf(ApiCall.SECRET_DELETIONS).with(EventField.FORCE_DELETE_WITHOUT_RECOVERY, equalTo(true));
    }

    /** Any call of the error's service that failed with it. */
    public static EventPattern failingWith(ApiError error) {
        return EventPattern.apiCall(error.service())
                .with(EventField.ERROR_CODE, equalTo(error.errorCode()))
                .with(EventField.ERROR_MESSAGE, suffix(error.messageEnding()));
    }
}
