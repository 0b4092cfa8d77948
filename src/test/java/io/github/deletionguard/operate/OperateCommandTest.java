package io.github.deletionguard.operate;

import io.github.deletionguard.operate.aws.AccessRole;
import io.github.deletionguard.operate.aws.AwsSessions;
import org.junit.jupiter.api.Test;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands against the prod stack file, over recorded AWS responses. */
class OperateCommandTest {
    static final Instant NOW = Instant.ofEpochSecond(1796198400L);

    record Run(int exitCode, String out, String err, RecordedAws aws) {
    }

    static Run run(RecordedAws aws, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = OperateCommand.run(args, Path.of(""), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                (options, config) -> new AwsSessions(new AccessRole(config.organization().accessRoleName()),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDCALLER", "secret")), aws,
                        Region.of(config.securityAccount().homeRegion())),
                Clock.fixed(NOW, ZoneOffset.UTC), duration -> { });
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), aws);
    }

    @Test
    void preflightOfProdFailsOnlyOnThePlaceholderCiphertext() {
        Run run = run(new RecordedAws("prod"), "preflight", "prod");
        System.out.println(run.out);
        assertEquals(1, run.exitCode);
        assertTrue(run.aws.unrecorded().isEmpty(), run.aws.unrecorded().toString());
        assertTrue(run.out.contains("FAIL  secret-config"), run.out);
        assertEquals(1, run.out.lines().filter(line -> line.startsWith("FAIL")).count(), run.out);
        assertTrue(run.aws.calls("sts", "AssumeRole").stream().anyMatch(call ->
                call.parameters().get("RoleArn").equals("arn:aws:iam::111111111111:role/OrganizationAccountAccessRole")));
        assertTrue(run.aws.calls("cloudtrail", "DescribeTrails").stream().allMatch(call -> call.body().contains("\"includeShadowTrails\":true")));
    }

    @Test
    void preflightReportsAMissingBreakGlassRoleAndAnUnreachableAccountWithoutStopping() {
        Run run = run(new RecordedAws("unreachable", "missing-break-glass", "prod"), "preflight", "prod", "--parallelism", "2");
        assertEquals(1, run.exitCode);
        assertTrue(run.out.contains("FAIL  break-glass-role             333333333333"), run.out);
        assertTrue(run.out.contains("FAIL  access-role                  055555555555"), run.out);
        // The other accounts were still checked.
        assertTrue(run.out.contains("PASS  workload-role                444444444444"), run.out);
        assertTrue(run.err.contains("5/5 done"), run.err);
    }

    @Test
    void preflightFailsOnATrailThatExcludesKms() {
        Run run = run(new RecordedAws("trail-excludes-kms", "prod"), "preflight", "prod", "--json");
        assertTrue(run.out.contains("excludes kms.amazonaws.com"), run.out);
    }

    @Test
    void statusOfProdPasses() {
        Run run = run(new RecordedAws("prod"), "status", "prod");
        System.out.println(run.out);
        assertTrue(run.aws.unrecorded().isEmpty(), run.aws.unrecorded().toString());
        assertEquals(0, run.exitCode, run.out);
        assertTrue(run.aws.calls("monitoring", "GetMetricStatistics").stream().allMatch(call ->
                call.parameters().get("MetricName").equals("FailedInvocations")));
    }

    @Test
    void statusFailsOnAPendingSubscriptionADisabledRuleAndADetachedScp() {
        Run run = run(new RecordedAws("pending-subscription", "rule-disabled", "scp-detached", "prod"), "status", "prod");
        assertEquals(1, run.exitCode);
        assertTrue(run.out.contains("platform-oncall@example.com has not confirmed"), run.out);
        assertTrue(run.out.contains("deletion-guard-forward-deletion-events is DISABLED"), run.out);
        assertTrue(run.out.contains("is not attached to r-pr0d"), run.out);
    }

    @Test
    void scanOfProdListsPendingDeletionsSoonestFirstWithDependents() {
        Run run = run(new RecordedAws("prod"), "scan", "prod");
        System.out.println(run.out);
        assertTrue(run.aws.unrecorded().isEmpty(), run.aws.unrecorded().toString());
        assertEquals(1, run.exitCode);
        int secret = run.out.indexOf("payments/old-api-token is deleted in 3 days");
        int key = run.out.indexOf("is deleted in 6 days");
        assertTrue(secret > 0 && key > secret, run.out);
        assertTrue(run.out.contains("aliases [alias/payments-ledger], secrets [payments/ledger-db], 2 grants (AWS services [rds.eu-central-1.amazonaws.com])"), run.out);
        assertTrue(run.aws.calls("secretsmanager", "ListSecrets").stream().allMatch(call -> call.parameters().get("IncludePlannedDeletion").equals("true")));
    }
}
