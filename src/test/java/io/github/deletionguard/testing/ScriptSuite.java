package io.github.deletionguard.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.remediation.AutomationDocument;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs a Python suite (src/test/resources/automation) against the script of one step of a
 * shipped Automation document, with real boto3 and botocore's Stubber, and turns each case it
 * reports (one JSON line: name, outcome, detail) into a test.
 */
public final class ScriptSuite {
    /** python3 on PATH first (pyenv, a virtualenv), then Debian's, where python3-boto3 installs. */
    private static final List<String> INTERPRETERS = List.of("python3", "/usr/bin/python3");

    private ScriptSuite() {
    }

    /**
     * @param documentFile the document, relative to policy/
     * @param step         the step whose script the suite runs
     */
    public static List<DynamicTest> cases(String documentFile, String step, String suite, int atLeast, Path work)
            throws Exception {
        AutomationDocument document = AutomationDocument.load(PolicyFiles.inProjectRoot().file(documentFile));
        Map<?, ?> inputs = (Map<?, ?>) document.step(step).get("inputs");
        Path script = Files.writeString(work.resolve(step + ".py"), (String) inputs.get("Script"));
        Path suiteFile = Path.of("src", "test", "resources", "automation", suite);
        String output = run(List.of(interpreterWithBoto3(), suiteFile.toString(), script.toString()));
        List<DynamicTest> cases = new ArrayList<>();
        for (String line : output.lines().filter(line -> line.startsWith("{")).toList()) {
            JsonObject result = JsonParser.parseString(line).getAsJsonObject();
            String outcome = result.get("outcome").getAsString();
            String detail = result.get("detail").getAsString();
            cases.add(DynamicTest.dynamicTest(result.get("name").getAsString(),
                    () -> assertEquals("passed", outcome, detail)));
        }
        assertTrue(cases.size() >= atLeast, suite + " reported " + cases.size() + " cases:\n" + output);
        return cases;
    }

    private static String interpreterWithBoto3() throws Exception {
        for (String interpreter : INTERPRETERS) {
            try {
                Process probe = new ProcessBuilder(interpreter, "-c", "import boto3, botocore.stub")
                        .redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return interpreter;
                }
            } catch (IOException notInstalled) {
                // Try the next interpreter.
            }
        }
        throw new AssertionError("none of " + INTERPRETERS + " can import boto3 and botocore.stub; install Debian's"
                + " python3-boto3 (apt-get install -y python3-boto3), as .ci/run does");
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took longer than 120 s:\n" + output);
        }
        if (output.lines().noneMatch(line -> line.startsWith("{"))) {
            throw new AssertionError(String.join(" ", command) + " ran no case (exit " + process.exitValue() + "):\n"
                    + output);
        }
        return output;
    }
}
