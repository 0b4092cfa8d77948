package io.github.deletionguard.documents;

import java.nio.file.Path;

/**
 * The reviewed documents in {@code policy/}, loaded once per run. The folder is found relative
 * to the working directory, which is the project root under {@code pulumi up}, Maven and tests.
 */
public final class PolicyFiles {
    private final Path folder;

    public PolicyFiles(Path folder) {
        this.folder = folder;
    }

    public static PolicyFiles inProjectRoot() {
        return new PolicyFiles(Path.of("policy"));
    }

    public PolicyTemplate load(String fileName) {
        return PolicyTemplate.load(folder.resolve(fileName));
    }

    /** A reviewed document that is not a JSON policy (an Automation document), for its own loader. */
    public Path file(String relativePath) {
        return folder.resolve(relativePath);
    }
}
