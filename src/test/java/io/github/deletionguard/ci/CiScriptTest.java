package io.github.deletionguard.ci;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code .ci/run} refuses a Node.js older than the tests need, saying how to get one, instead of
 * failing later in an npm tool. Runs the real script with stand-ins for {@code node} and
 * {@code mvn} first on the PATH, so it never starts a second {@code mvn verify}.
 */
class CiScriptTest {
    private record Result(int exit, String output) {
    }

    private static Result runWithNode(Path bin, String nodeVersion) throws IOException, InterruptedException {
        stub(bin, "node", "echo " + nodeVersion);
        stub(bin, "mvn", "echo \"stand-in mvn $*\"");
        ProcessBuilder builder = new ProcessBuilder("bash", ".ci/run").redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), output);
        return new Result(process.exitValue(), output);
    }

    private static void stub(Path bin, String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void anOlderNodeStopsTheRunAndSaysHowToGetANewerOne(@TempDir Path bin) throws Exception {
        Result result = runWithNode(bin, "v18.19.0");

        assertEquals(1, result.exit(), result.output());
        assertTrue(result.output().contains("Node.js 20 or later is needed for the tests, found v18.19.0."), result.output());
        assertTrue(result.output().contains("nvm install 20"), result.output());
        assertTrue(!result.output().contains("stand-in mvn"), "the tests did not start: " + result.output());
    }

    @Test
    void node20RunsTheReadmesTestCommand(@TempDir Path bin) throws Exception {
        Result result = runWithNode(bin, "v20.11.1");

        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("stand-in mvn -B -ntp verify"), result.output());
    }
}
