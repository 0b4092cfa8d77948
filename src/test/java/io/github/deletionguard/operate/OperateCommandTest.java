package io.github.deletionguard.operate;

import io.github.deletionguard.operate.Commands.Run;
import io.github.deletionguard.testing.GoldenFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each command's whole output against the recorded responses of the prod stack, text and
 * {@code --json}, as golden files: the README shows these, and tooling reads the JSON, so a change
 * in either shows up in review. Every call the commands make has a recorded answer.
 */
class OperateCommandTest {
    @ParameterizedTest
    @ValueSource(strings = {"preflight", "status", "scan", "drill"})
    void outputAgainstTheRecordedProdResponses(String command) {
        Run text = Commands.run(new RecordedAws("prod"), command, "prod").everyCallRecorded();
        GoldenFiles.assertMatches("operate/prod-" + command + ".txt", text.out());
        Run json = Commands.run(new RecordedAws("prod"), command, "prod", "--json").everyCallRecorded();
        GoldenFiles.assertMatches("operate/prod-" + command + ".json", json.out());
        assertEquals(text.exitCode(), json.exitCode());
    }

    /** The README pastes these outputs for readers; they must be the ones the commands print today. */
    @ParameterizedTest
    @ValueSource(strings = {"preflight", "status", "scan", "drill"})
    void theReadmeShowsTheCurrentOutput(String command) throws IOException {
        String golden = Files.readString(Path.of("src/test/resources/golden/operate/prod-" + command + ".txt"));
        assertTrue(Files.readString(Path.of("README.md")).contains("```\n" + golden.stripTrailing() + "\n```"),
                "README's " + command + " output differs from golden/operate/prod-" + command + ".txt: paste it again");
    }
}
