package io.github.deletionguard.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A folder under {@code src/test/} that pins an npm tool in its {@code package-lock.json}, and
 * runs it with Node. The tool is installed with {@code npm ci} on a fresh checkout and again after
 * the lockfile changed, so only Node 20 and npm are needed. Test-time only: nothing of it ships.
 */
public final class NodeHarness {
    private static final long NPM_CI_TIMEOUT_SECONDS = 300;

    private final Path directory;
    private boolean installChecked;

    /** @param folder the harness folder under {@code src/test/}, e.g. {@code iam-simulate} */
    public NodeHarness(String folder) {
        this.directory = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/test").resolve(folder);
    }

    public Path directory() {
        return directory;
    }

    /** Runs {@code node <script>} in the harness folder with {@code stdin}, after installing the pinned packages. */
    public String node(String script, String stdin, long timeoutSeconds) {
        installOnce();
        return run(stdin, timeoutSeconds, "node", script);
    }

    /**
     * Installs the pinned tool unless it is up to date: npm writes node_modules/.package-lock.json
     * at the end of every install, so an older one means node_modules may not match the lockfile.
     */
    public synchronized void installOnce() {
        if (installChecked) {
            return;
        }
        Path installed = directory.resolve("node_modules/.package-lock.json");
        Path lockfile = directory.resolve("package-lock.json");
        try {
            boolean upToDate = Files.exists(installed)
                    && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lockfile)) >= 0;
            if (!upToDate) {
                run("", NPM_CI_TIMEOUT_SECONDS, "npm", "ci", "--no-audit", "--no-fund");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        installChecked = true;
    }

    /** Runs a command in the harness folder, feeds it {@code stdin} and returns its stdout. */
    public String run(String stdin, long timeoutSeconds, String... command) {
        String commandLine = String.join(" ", command);
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).start();
            // Both streams are drained while the process runs so that neither pipe can fill up and block it.
            CompletableFuture<String> stdout = readAsync(process.getInputStream());
            CompletableFuture<String> stderr = readAsync(process.getErrorStream());
            IOException stdinFailure = writeStdin(process, stdin);
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        commandLine + " took longer than " + timeoutSeconds + " s in " + directory);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(commandLine + " failed with exit code " + process.exitValue()
                        + " in " + directory + ":\n" + stderr.join() + stdout.join());
            }
            if (stdinFailure != null) {
                throw stdinFailure;
            }
            return stdout.join();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + commandLine + " in " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + commandLine, e);
        }
    }

    /**
     * Returns instead of throwing a failed write: a process that dies before reading its input
     * breaks the pipe, and its exit code and stderr explain more than the broken pipe does.
     */
    private static IOException writeStdin(Process process, String stdin) {
        try (Writer writer = new OutputStreamWriter(process.getOutputStream(), UTF_8)) {
            writer.write(stdin);
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    private static CompletableFuture<String> readAsync(InputStream stream) {
        // A thread of its own: a pooled thread blocked on a pipe could hold up the other stream.
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> {
            Thread reader = new Thread(task, "node-harness-output");
            reader.setDaemon(true);
            reader.start();
        });
    }
}
