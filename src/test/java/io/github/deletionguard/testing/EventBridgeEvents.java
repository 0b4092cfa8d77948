package io.github.deletionguard.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.awsapi.AwsService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Events as EventBridge delivers them to rules: CloudTrail records from
 * {@code src/test/resources/cloudtrail/} wrapped in the "AWS API Call via CloudTrail" envelope,
 * and the service events (alarm state changes, Automation results) the program forwards too.
 */
public final class EventBridgeEvents {
    private static final Path CLOUDTRAIL = Path.of("src", "test", "resources", "cloudtrail");

    private EventBridgeEvents() {
    }

    /** A CloudTrail record from the samples, as a copy the test may change before wrapping it. */
    public static JsonObject cloudTrailRecord(String fileName) {
        try {
            return JsonParser.parseString(Files.readString(CLOUDTRAIL.resolve(fileName))).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record in its EventBridge envelope: source from eventSource, account and region from the record. */
    public static JsonObject apiCall(JsonObject record) {
        String source = AwsService.ofEventSource(record.get("eventSource").getAsString()).eventBridgeSource();
        JsonObject event = envelope("AWS API Call via CloudTrail", source,
                record.get("recipientAccountId").getAsString(), record.get("awsRegion").getAsString(),
                record.get("eventTime").getAsString());
        event.add("detail", record.deepCopy());
        return event;
    }

    /** Makes the caller a session of a role, as CloudTrail records an assumed role. */
    public static JsonObject calledByRole(JsonObject record, String rolePath, String roleName) {
        JsonObject copy = record.deepCopy();
        String account = copy.get("recipientAccountId").getAsString();
        JsonObject issuer = new JsonObject();
        issuer.addProperty("type", "Role");
        issuer.addProperty("principalId", "AROAEXAMPLEISSUER");
        issuer.addProperty("arn", "arn:aws:iam::" + account + ":role" + rolePath + roleName);
        issuer.addProperty("accountId", account);
        issuer.addProperty("userName", roleName);
        JsonObject sessionContext = new JsonObject();
        sessionContext.add("sessionIssuer", issuer);
        JsonObject identity = new JsonObject();
        identity.addProperty("type", "AssumedRole");
        identity.addProperty("principalId", "AROAEXAMPLEISSUER:alice");
        // The session ARN never carries the role's path.
        identity.addProperty("arn", "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/alice");
        identity.addProperty("accountId", account);
        identity.add("sessionContext", sessionContext);
        copy.add("userIdentity", identity);
        return copy;
    }

    /** Makes the call one that failed, as CloudTrail records it: an error and no response. */
    public static JsonObject failedWith(JsonObject record, String errorCode, String errorMessage) {
        JsonObject copy = record.deepCopy();
        copy.addProperty("errorCode", errorCode);
        copy.addProperty("errorMessage", errorMessage);
        copy.add("responseElements", JsonNull.INSTANCE);
        return copy;
    }

    public static JsonObject alarmStateChange(String account, String region, String alarmName, String state) {
        JsonObject event = envelope("CloudWatch Alarm State Change", "aws.cloudwatch", account, region,
                "2026-11-20T09:20:00Z");
        event.getAsJsonArray("resources").add("arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + alarmName);
        JsonObject stateObject = new JsonObject();
        stateObject.addProperty("value", state);
        stateObject.addProperty("reason", "Threshold Crossed: 1 datapoint was greater than or equal to the threshold");
        stateObject.addProperty("timestamp", "2026-11-20T09:20:00.000+0000");
        JsonObject detail = new JsonObject();
        detail.addProperty("alarmName", alarmName);
        detail.add("state", stateObject);
        event.add("detail", detail);
        return event;
    }

    public static JsonObject automationStatusChange(String account, String region, String definition, String status) {
        JsonObject event = envelope("EC2 Automation Execution Status-change Notification", "aws.ssm", account, region,
                "2026-11-20T09:21:00Z");
        JsonObject detail = new JsonObject();
        detail.addProperty("ExecutionId", "333ba70b-2333-48db-b17e-a5e69c6f4d1c");
        detail.addProperty("Definition", definition);
        detail.addProperty("DefinitionVersion", 1.0);
        detail.addProperty("Status", status);
        event.add("detail", detail);
        return event;
    }

    private static JsonObject envelope(String detailType, String source, String account, String region, String time) {
        JsonObject event = new JsonObject();
        event.addProperty("version", "0");
        event.addProperty("id", "6a7e8feb-b491-4cf7-a9f1-bf3703467718");
        event.addProperty("detail-type", detailType);
        event.addProperty("source", source);
        event.addProperty("account", account);
        event.addProperty("time", time);
        event.addProperty("region", region);
        event.add("resources", new JsonArray());
        return event;
    }
}
