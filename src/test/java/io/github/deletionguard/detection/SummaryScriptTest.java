package io.github.deletionguard.detection;

import io.github.deletionguard.testing.ScriptSuite;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

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
}
