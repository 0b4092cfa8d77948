package io.github.deletionguard.detection;

import io.github.deletionguard.awsapi.EventField;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.remediation.AutomationDocument;
import io.github.deletionguard.testing.ScriptSuite;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary Automation's script, taken from the shipped document and run by
 * {@code test_summarize_events.py} against real boto3 with botocore's Stubber, which checks each
 * StartQuery, GetQueryResults, StopQuery and Publish call against the CloudWatch Logs and SNS
 * models: the window and log group queried, polling to the end, nothing published when nothing
 * matched, one table when something did, IssuerArns filtering, truncation, untrusted values as
 * plain text, and a failed or endless query as a failed step. Each Python case is one test here.
 */
class SummaryScriptTest {
    @TempDir
    Path work;

    @TestFactory
    List<DynamicTest> summaryCases() throws Exception {
        return ScriptSuite.cases(PreparedSummary.DOCUMENT_FILE, "Summarize", "test_summarize_events.py", 17, work);
    }

    /** The query reads the forwarded event by the same paths the patterns match, one source for each. */
    @Test
    void theQueryReadsTheFieldsThePatternsMatch() {
        String script = (String) ((Map<?, ?>) AutomationDocument.load(PolicyFiles.inProjectRoot().file(PreparedSummary.DOCUMENT_FILE))
                .step("Summarize").get("inputs")).get("Script");
        for (EventField field : List.of(EventField.ACCOUNT, EventField.REGION, EventField.EVENT_NAME, EventField.REQUEST_KEY_ID,
                EventField.REQUEST_SECRET_ID, EventField.CALLER_ARN, EventField.ERROR_CODE, EventField.SESSION_ISSUER_ARN)) {
            assertTrue(script.contains("coalesce(" + field.inPattern() + ",") || script.contains(", " + field.inPattern() + ","),
                    field + " (" + field.inPattern() + ") is not read by the query");
        }
    }
}
