package io.github.deletionguard.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Dependency rules that keep the SDK's internals in one place and the entry point out of the features. */
class DependencyRulesTest {
    private static final Path MAIN = Path.of("src/main/java");

    private static List<String> filesImporting(String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> {
                        try {
                            return Files.readAllLines(file).stream().anyMatch(line -> line.startsWith("import " + prefix));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(file -> MAIN.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Test
    void onlyTheOfflineEngineTouchesTheSdksInternalTestClassesAndWireTypes() throws IOException {
        List<String> engine = List.of("io/github/deletionguard/plan/OfflineEngine.java");

        assertEquals(engine, filesImporting("com.pulumi.test.internal."));
        assertEquals(engine, filesImporting("pulumirpc."));
    }

    /** App wires the commands; a command that imported App back would make the two one unit. */
    @Test
    void noMainClassDependsOnTheEntryPoint() throws IOException {
        assertEquals(List.of(), filesImporting("io.github.deletionguard.App;"));
    }
}
