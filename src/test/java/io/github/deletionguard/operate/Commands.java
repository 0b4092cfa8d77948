package io.github.deletionguard.operate;

import io.github.deletionguard.operate.aws.AccessRole;
import io.github.deletionguard.operate.aws.AwsSessions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs a command of {@link OperateCommand} against the project's stack files over recorded AWS responses. */
public final class Commands {
    /** 2026-12-02T08:00:00Z, the moment the recorded responses were taken. */
    public static final Instant NOW = Instant.ofEpochSecond(1796198400L);

    private Commands() {
    }

    public record Run(int exitCode, String out, String err, RecordedAws aws) {
        /** The one report line with this label (PASS, WARN, FAIL, ERROR), check and place that contains every part. */
        public String line(String label, String check, String place, String... parts) {
            List<String> found = lines(label, check, place, parts);
            if (found.size() != 1) {
                fail("expected one '" + label + " " + check + " " + place + "' line containing " + List.of(parts)
                        + ", found " + found.size() + " in:\n" + out);
            }
            return found.get(0);
        }

        public List<String> lines(String label, String check, String place, String... parts) {
            return out.lines().filter(line -> line.startsWith(String.format("%-5s %-28s %-28s ", label, check, place)))
                    .filter(line -> List.of(parts).stream().allMatch(line::contains)).toList();
        }

        /** How many report lines have this label and check, in any place. */
        public long count(String label, String check) {
            return out.lines().filter(line -> line.startsWith(String.format("%-5s %-28s ", label, check))).count();
        }

        /** The fix printed under the one matching line. */
        public String fixOf(String label, String check, String place, String... parts) {
            String line = line(label, check, place, parts);
            List<String> all = out.lines().toList();
            String next = all.get(all.indexOf(line) + 1);
            if (!next.startsWith("      fix: ")) {
                fail("no fix under " + line);
            }
            return next.substring("      fix: ".length());
        }

        public Run exits(int expected) {
            assertEquals(expected, exitCode, out + err);
            return this;
        }

        public Run everyCallRecorded() {
            assertEquals(List.of(), aws.unrecorded(), "calls without a recorded answer");
            return this;
        }
    }

    /**
     * The project root with the prod stack file changed by {@code edit}, in a fresh directory: the
     * policy folder and Pulumi.yaml are the project's own.
     */
    public static Path projectWithProdStackFile(Path directory, java.util.function.UnaryOperator<String> edit) throws java.io.IOException {
        java.nio.file.Files.copy(Path.of("Pulumi.yaml"), directory.resolve("Pulumi.yaml"));
        java.nio.file.Files.writeString(directory.resolve("Pulumi.prod.yaml"), edit.apply(java.nio.file.Files.readString(Path.of("Pulumi.prod.yaml"))));
        java.nio.file.Files.createSymbolicLink(directory.resolve("policy"), Path.of("policy").toAbsolutePath());
        return directory;
    }

    public static Run run(RecordedAws aws, String... args) {
        return run(aws, Clock.fixed(NOW, ZoneOffset.UTC), duration -> { }, args);
    }

    public static Run run(RecordedAws aws, Clock clock, Operation.Sleeper sleeper, String... args) {
        return run(Path.of(""), aws, clock, sleeper, args);
    }

    public static Run run(Path projectRoot, RecordedAws aws, Clock clock, Operation.Sleeper sleeper, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OperateCommand.run(args, projectRoot, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                (options, config) -> new AwsSessions(new AccessRole(config.organization().accessRoleName()),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDCALLER", "secret")), aws,
                        Region.of(config.securityAccount().homeRegion())),
                clock, sleeper);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), aws);
    }
}
