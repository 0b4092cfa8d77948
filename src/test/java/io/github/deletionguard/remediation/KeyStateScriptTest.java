package io.github.deletionguard.remediation;

import io.github.deletionguard.testing.ScriptSuite;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * The script that decides whether a key was enabled when its deletion was scheduled, taken from the
 * shipped document and run by {@code test_key_state.py} against real boto3 with botocore's Stubber,
 * which checks each LookupEvents request and response against CloudTrail's API model: re-enabling a
 * key someone disabled on purpose is as wrong as leaving a used key disabled, and incomplete history
 * must never re-enable one. Each Python case is one test here.
 */
class KeyStateScriptTest {
    @TempDir
    Path work;

    @TestFactory
    List<DynamicTest> keyStateCases() throws Exception {
        return ScriptSuite.cases(PreparedRemediation.DOCUMENT_FILE, "CheckKeyStateBeforeDeletion", "test_key_state.py", 14, work);
    }
}
