package io.github.deletionguard.patterns;

import io.github.deletionguard.awsapi.AwsService;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.deletionguard.patterns.EventPattern.Match.equalTo;
import static io.github.deletionguard.patterns.EventPattern.Match.exists;
import static io.github.deletionguard.patterns.EventPattern.Match.noneOf;
import static io.github.deletionguard.patterns.EventPattern.Match.suffix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EventPatternTest {

    @Test
    void buildsNestedFieldsAsTheJsonEventBridgeReads() {
        EventPattern pattern = EventPattern.apiCall(AwsService.KMS)
                .with("detail.eventName", equalTo("ScheduleKeyDeletion"), equalTo("DisableKey"))
                .with("detail.errorCode", exists(false))
                .with("detail.errorMessage", suffix(" is pending deletion."))
                .with("detail.requestParameters.forceDeleteWithoutRecovery", equalTo(true));
        assertEquals("{\"source\":[\"aws.kms\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],\"detail\":{"
                + "\"eventName\":[\"ScheduleKeyDeletion\",\"DisableKey\"],\"errorCode\":[{\"exists\":false}],"
                + "\"errorMessage\":[{\"suffix\":\" is pending deletion.\"}],"
                + "\"requestParameters\":{\"forceDeleteWithoutRecovery\":[true]}}}", pattern.render());
    }

    @Test
    void putsAnOrInsideTheObjectItBelongsTo() {
        EventPattern pattern = EventPattern.empty().with("source", equalTo("aws.kms")).withAnyOf("detail.userIdentity", List.of(
                EventPattern.empty().with("sessionContext.sessionIssuer.arn", exists(false)),
                EventPattern.empty().with("sessionContext.sessionIssuer.arn", noneOf(List.of("arn:aws:iam::111122223333:role/A")))));
        assertEquals("{\"source\":[\"aws.kms\"],\"detail\":{\"userIdentity\":{\"$or\":["
                + "{\"sessionContext\":{\"sessionIssuer\":{\"arn\":[{\"exists\":false}]}}},"
                + "{\"sessionContext\":{\"sessionIssuer\":{\"arn\":[{\"anything-but\":[\"arn:aws:iam::111122223333:role/A\"]}]}}}"
                + "]}}}", pattern.render());
    }

    @Test
    void leavesThePatternItExtendsUnchanged() {
        EventPattern base = EventPattern.apiCall(AwsService.SECRETS_MANAGER);
        EventPattern extended = base.with("detail.eventName", equalTo("DeleteSecret"));
        assertEquals("{\"source\":[\"aws.secretsmanager\"],\"detail-type\":[\"AWS API Call via CloudTrail\"]}", base.render());
        assertEquals(base.render().length() + ",\"detail\":{\"eventName\":[\"DeleteSecret\"]}".length(), extended.render().length());
    }

    @Test
    void refusesPatternsEventBridgeWouldReadDifferently() {
        EventPattern base = EventPattern.apiCall(AwsService.KMS);
        // Written twice, one value would silently replace the other.
        assertThrows(IllegalArgumentException.class, () -> base.with("source", equalTo("aws.ssm")));
        // EventBridge reads an $or with one branch as a field named "$or".
        assertThrows(IllegalArgumentException.class, () -> EventPattern.anyOf(List.of(base)));
        assertThrows(IllegalArgumentException.class, () -> base.with("source.inner", equalTo("x")));
        assertThrows(IllegalArgumentException.class, () -> base.with("detail.eventName"));
    }
}
