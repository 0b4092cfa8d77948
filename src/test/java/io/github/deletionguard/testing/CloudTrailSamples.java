package io.github.deletionguard.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * CloudTrail records from {@code src/test/resources/cloudtrail/} (copies of the documented
 * samples in shared/cloudtrail, and the issue 10/11 records in its folders, named by path such as
 * {@code "kms/put-key-policy-bypass.json"}; its README says what each shows), and near misses
 * derived from them field by field.
 */
public final class CloudTrailSamples {
    public static final String SCHEDULE_KEY_DELETION = "schedule-key-deletion.json";
    public static final String DELETE_SECRET = "delete-secret.json";
    public static final String DECRYPT_KEY_PENDING_DELETION = "decrypt-key-pending-deletion.json";
    public static final String GET_SECRET_VALUE_MARKED_FOR_DELETION = "get-secret-value-marked-for-deletion.json";
    public static final String DECRYPT_SUCCESS = "decrypt-success.json";

    private CloudTrailSamples() {
    }

    public static JsonObject record(String fileName) {
        try (InputStream in = CloudTrailSamples.class.getResourceAsStream("/cloudtrail/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource cloudtrail/" + fileName);
            }
            return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a sample with some fields changed: the way near misses are written. */
    public static JsonObject variant(String fileName, Consumer<JsonObject> change) {
        JsonObject copy = record(fileName);
        change.accept(copy);
        return copy;
    }
}
