package io.github.deletionguard.remediation;

import io.github.deletionguard.testing.ScriptSuite;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * The drill check of the remediation document, run by {@code test_drill_cleanup.py} against real
 * boto3 with botocore's Stubber (each ListResourceTags and DescribeSecret request and response is
 * checked against the KMS and Secrets Manager API models): only the drill's own resource tagged for
 * its final cleanup is left deleted; every other deletion, including one whose tags cannot be read,
 * is undone. Each Python case is one test here.
 */
class DrillCleanupScriptTest {
    @TempDir
    Path work;

    @TestFactory
    List<DynamicTest> drillCleanupCases() throws Exception {
        return ScriptSuite.cases(PreparedRemediation.DOCUMENT_FILE, "CheckDrillCleanup", "test_drill_cleanup.py", 7, work);
    }
}
