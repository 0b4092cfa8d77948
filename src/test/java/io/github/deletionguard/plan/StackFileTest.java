package io.github.deletionguard.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The stack file as the Pulumi CLI hands it to the program. */
class StackFileTest {
    @Test
    void theProjectsDeclaredDefaultsFillWhatTheStackLeavesOut(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("Pulumi.yaml"), """
                name: deletion-guard
                runtime: java
                config:
                  resourcePrefix: {type: string, default: guard}
                  regions: {type: array, items: {type: string}, default: []}
                  alarmMode: {type: string}
                """);
        Files.writeString(root.resolve("Pulumi.dev.yaml"), """
                config:
                  deletion-guard:regions: [eu-west-1]
                """);

        StackFile file = StackFile.read(root, "dev");

        assertEquals("guard", file.config().get("deletion-guard:resourcePrefix"));
        assertEquals("[\"eu-west-1\"]", file.config().get("deletion-guard:regions"), "the stack's own value wins");
        assertEquals(null, file.config().get("deletion-guard:alarmMode"), "no default, nothing filled in");
    }

    @Test
    void theStacksAreThePulumiStackFilesOfTheProject() throws IOException {
        assertEquals(List.of("org", "prod", "staging"), StackFile.stacks(Path.of("")));
    }
}
