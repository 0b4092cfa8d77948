package io.github.deletionguard.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.deletionguard.awsapi.AwsService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The samples other tests build on: every file is listed in the README with what it shows, and
 * every CloudTrail record has the fields rules read and the region CloudTrail records it in.
 */
class CloudTrailSamplesTest {
    private static final Path SAMPLES = Path.of("src", "test", "resources", "cloudtrail");
    private static final Pattern README_ROW = Pattern.compile("^\\| ([a-z0-9/-]+\\.json) \\|", Pattern.MULTILINE);

    @Test
    void everySampleIsListedInTheReadme() throws IOException {
        Set<String> listed = new TreeSet<>();
        Matcher row = README_ROW.matcher(Files.readString(SAMPLES.resolve("README.md")));
        while (row.find()) {
            listed.add(row.group(1));
        }
        Set<String> nested = new TreeSet<>(samples().stream().filter(name -> name.contains("/")).toList());
        assertEquals(nested, listed);
    }

    @Test
    void everyRecordHasTheFieldsRulesReadAndItsRecordedRegion() {
        for (String name : samples()) {
            JsonObject record = CloudTrailSamples.record(name);
            if (name.startsWith("service-events/")) {
                assertTrue(List.of("aws.kms", "aws.cloudwatch").contains(record.get("source").getAsString()), name);
                continue;
            }
            for (String field : List.of("eventVersion", "userIdentity", "eventTime", "eventSource", "eventName",
                    "awsRegion", "eventID", "recipientAccountId")) {
                assertTrue(record.has(field), name + " has " + field);
            }
            // Every sample's service is in the catalogue, and a global service's record is in us-east-1.
            AwsService service = AwsService.ofEventSource(record.get("eventSource").getAsString());
            if (service.global()) {
                assertEquals(AwsService.GLOBAL_EVENTS_REGION, record.get("awsRegion").getAsString(), name);
            }
            JsonObject event = EventBridgeEvents.apiCall(record);
            assertEquals(service.eventBridgeSource(), event.get("source").getAsString(), name);
        }
    }

    private static List<String> samples() {
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            return files.filter(path -> path.toString().endsWith(".json"))
                    .map(path -> SAMPLES.relativize(path).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
