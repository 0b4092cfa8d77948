package io.github.deletionguard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Rendered documents compared byte for byte with files under {@code src/test/resources/golden/},
 * so a reviewer sees in the diff exactly what AWS receives. Run the tests with
 * {@code -DupdateGolden=true} to rewrite the files after an intended change, then review the diff.
 */
public final class GoldenFiles {
    private static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private GoldenFiles() {
    }

    public static void assertMatches(String relativePath, String actual) {
        Path file = ROOT.resolve(relativePath);
        try {
            if (Boolean.getBoolean("updateGolden")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError(file + " does not exist; run the tests once with -DupdateGolden=true,"
                        + " review the new file and commit it.");
            }
            assertEquals(Files.readString(file), actual, "differs from " + file
                    + " (if the change is intended, rerun with -DupdateGolden=true and review the diff)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
