package io.github.deletionguard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the project root that tests hold the code to ({@code README.md}, {@code Pulumi.yaml}). */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    public static String read(String name) {
        try {
            return Files.readString(Path.of(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
