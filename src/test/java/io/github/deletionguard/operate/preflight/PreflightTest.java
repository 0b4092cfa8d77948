package io.github.deletionguard.operate.preflight;

import io.github.deletionguard.operate.Commands;
import io.github.deletionguard.operate.Commands.Run;
import io.github.deletionguard.operate.RecordedAws;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static io.github.deletionguard.operate.Commands.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every preflight check passing, failing and erroring (the AWS call itself fails) over recorded
 * responses of the prod stack's accounts, through the command as CI runs it.
 */
class PreflightTest {
    private static final String MANAGEMENT = "111111111111";
    private static final String PAYMENTS = "444444444444";

    private static Run preflight(RecordedAws aws) {
        return run(aws, "preflight", "prod");
    }

    @Nested
    class AccessRole {
        @Test
        void passesWhereTheRoleIsAssumed() {
            preflight(new RecordedAws("prod")).line("PASS", "access-role", PAYMENTS, "assumed arn:aws:iam::444444444444:role/OrganizationAccountAccessRole");
        }

        @Test
        void failsWhereItCannotBeAssumedAndSaysTheManagementAccountNeedsItCreated() {
            Run run = preflight(new RecordedAws("prod").failingIn(MANAGEMENT, "sts", "AssumeRole", "AccessDenied"));
            assertTrue(run.fixOf("FAIL", "access-role", MANAGEMENT).contains("AWS does not create OrganizationAccountAccessRole in the management account"));
            // Nothing else is read in an account the role does not reach, and the run goes on elsewhere.
            assertTrue(run.lines("PASS", "scp-room", MANAGEMENT).isEmpty(), run.out());
            run.line("PASS", "access-role", PAYMENTS);
            run.exits(1);
        }

        @Test
        void anUnreachableAccountIsReportedAndTheOthersStillChecked() {
            Run run = run(new RecordedAws("unreachable", "prod"), "preflight", "prod", "--parallelism", "2");
            assertTrue(run.line("FAIL", "access-role", "055555555555").contains("AccessDenied"));
            assertEquals(4, run.count("PASS", "access-role"), run.out());
            run.line("PASS", "cloudtrail", "444444444444/eu-central-1");
        }
    }

    @Nested
    class BreakGlassRole {
        @Test
        void passesWhereTheRoleExistsWithItsPath() {
            preflight(new RecordedAws("prod")).line("PASS", "break-glass-role", PAYMENTS, "role/emergency/IncidentResponder exists");
        }

        @Test
        void failsWhereItIsMissing() {
            Run run = preflight(new RecordedAws("missing-break-glass", "prod"));
            assertTrue(run.fixOf("FAIL", "break-glass-role", "333333333333", "/emergency/IncidentResponder does not exist")
                    .contains("no one but the deployer may create it"));
        }

        @Test
        void failsWhereItHasAnotherPathThanTheScpExempts() {
            preflight(new RecordedAws("break-glass-wrong-path", "prod"))
                    .line("FAIL", "break-glass-role", PAYMENTS, "exists with path /legacy/, not /");
        }

        @Test
        void errsWhereRolesCannotBeRead() {
            Run run = preflight(new RecordedAws("prod").failing("iam", "GetRole", "AccessDenied"));
            // Two roles in each of the four accounts the SCP binds.
            assertEquals(8, run.count("ERROR", "break-glass-role"), run.out());
            assertEquals("give the access role iam:GetRole.", run.fixOf("ERROR", "break-glass-role", PAYMENTS, "BreakGlassAdmin"));
            run.exits(1);
        }

        @Test
        void isNotCheckedInTheManagementAccountWhichNoScpBinds() {
            Run run = preflight(new RecordedAws("prod"));
            assertTrue(run.lines("PASS", "break-glass-role", MANAGEMENT).isEmpty(), run.out());
            assertTrue(run.aws().calls("iam", "GetRole").stream().noneMatch(call -> call.account().equals(MANAGEMENT)));
        }
    }

    @Nested
    class WorkloadRole {
        @Test
        void passesForEveryRoleNamedInKeyAndSecretPolicies() {
            Run run = preflight(new RecordedAws("prod"));
            run.line("PASS", "workload-role", PAYMENTS, "role/payments-api exists");
            run.line("PASS", "workload-role", PAYMENTS, "role/payments-settlement-batch exists");
        }

        @Test
        void failsForARoleThatDoesNotExist() {
            assertTrue(preflight(new RecordedAws("missing-workload-role", "prod"))
                    .fixOf("FAIL", "workload-role", PAYMENTS, "payments-api is named in a critical key or secret policy")
                    .contains("KMS and Secrets Manager reject a policy naming an unknown principal"));
        }

        @Test
        void errsWhenRolesCannotBeRead() {
            preflight(new RecordedAws("prod").failingIn(PAYMENTS, "iam", "GetRole", "AccessDenied"))
                    .line("ERROR", "workload-role", PAYMENTS, "payments-settlement-batch", "AccessDenied");
        }
    }

    @Nested
    class CloudTrail {
        private static final String PLACE = "444444444444/eu-central-1";

        @Test
        void passesOnAMultiRegionLoggingTrailWithAllManagementEvents() {
            preflight(new RecordedAws("prod")).line("PASS", "cloudtrail", PLACE, "records KMS and Secrets Manager management events, read and write");
        }

        @Test
        void failsOnATrailThatExcludesKms() {
            preflight(new RecordedAws("trail-excludes-kms", "prod")).line("FAIL", "cloudtrail", PLACE, "excludes kms.amazonaws.com");
        }

        @Test
        void failsOnASingleRegionTrail() {
            preflight(new RecordedAws("prod").answering("cloudtrail", "DescribeTrails",
                    "{\"trailList\":[{\"Name\":\"local\",\"TrailARN\":\"arn:aws:cloudtrail:eu-central-1:{account}:trail/local\",\"IsMultiRegionTrail\":false}]}"))
                    .line("FAIL", "cloudtrail", PLACE, "local: single-region");
        }

        @Test
        void failsOnATrailThatIsNotLogging() {
            preflight(new RecordedAws("prod").answering("cloudtrail", "GetTrailStatus", "{\"IsLogging\":false}"))
                    .line("FAIL", "cloudtrail", PLACE, "not logging");
        }

        @Test
        void failsOnATrailThatRecordsWritesOnly() {
            preflight(new RecordedAws("prod").answering("cloudtrail", "GetEventSelectors",
                    "{\"EventSelectors\":[{\"ReadWriteType\":\"WriteOnly\",\"IncludeManagementEvents\":true}]}"))
                    .line("FAIL", "cloudtrail", PLACE, "management events are WriteOnly only");
        }

        @Test
        void failsWithoutAnyTrail() {
            assertTrue(preflight(new RecordedAws("prod").answering("cloudtrail", "DescribeTrails", "{\"trailList\":[]}"))
                    .fixOf("FAIL", "cloudtrail", PLACE, "no trail").contains("EventBridge receives CloudTrail events only where such a trail exists"));
        }

        @Test
        void errsWhenTrailsCannotBeRead() {
            preflight(new RecordedAws("prod").failing("cloudtrail", "DescribeTrails", "AccessDeniedException"))
                    .line("ERROR", "cloudtrail", PLACE, "AccessDeniedException");
        }

        /** The SDK's adaptive retry mode: a throttled call is retried and the check still made. */
        @Test
        void aThrottledCallIsRetriedAndPasses() {
            RecordedAws aws = new RecordedAws("prod").throttling("cloudtrail", "DescribeTrails", "ThrottlingException", 1);
            Run run = preflight(aws);
            assertEquals(5, run.count("PASS", "cloudtrail"), run.out());
            // Five accounts read their trails once each, and the throttled call once more.
            assertEquals(6, aws.calls("cloudtrail", "DescribeTrails").size());
        }

        @Test
        void throttlingThatOutlastsTheRetriesIsAnErrorOfThatAccountAlone() {
            RecordedAws aws = new RecordedAws("prod").failingIn(PAYMENTS, "cloudtrail", "DescribeTrails", "ThrottlingException");
            Run run = preflight(aws);
            run.line("ERROR", "cloudtrail", PLACE, "ThrottlingException");
            assertEquals(4, run.count("PASS", "cloudtrail"), run.out());
            // The SDK's three attempts, then it gives up.
            assertEquals(3, aws.calls("cloudtrail", "DescribeTrails").stream().filter(call -> call.account().equals(PAYMENTS)).count());
        }
    }

    @Nested
    class LogGroup {
        @Test
        void passesWhereTheConfiguredLogGroupExists() {
            preflight(new RecordedAws("prod")).line("PASS", "log-group", "055555555555/eu-west-1", "legacy-account-trail exists");
        }

        @Test
        void failsWhereItDoesNot() {
            preflight(new RecordedAws("prod").answering("logs", "DescribeLogGroups", "{\"logGroups\":[]}"))
                    .line("FAIL", "log-group", "111111111111/eu-central-1", "aws-controltower/CloudTrailLogs does not exist");
        }

        @Test
        void errsWhenLogGroupsCannotBeRead() {
            preflight(new RecordedAws("prod").failing("logs", "DescribeLogGroups", "AccessDeniedException"))
                    .line("ERROR", "log-group", "055555555555/eu-west-1", "AccessDeniedException");
        }
    }

    /** The org stack deploys its member baseline through service-managed StackSets; prod does not. */
    @Nested
    class StackSetsTrustedAccess {
        @Test
        void passesWhereStackSetsHaveTrustedAccess() {
            run(new RecordedAws("org", "prod"), "preflight", "org").line("PASS", "stacksets-trusted-access", MANAGEMENT,
                    "member.org.stacksets.cloudformation.amazonaws.com has trusted access");
        }

        @Test
        void failsWhereTheyHaveNone() {
            run(new RecordedAws("org", "prod").answering("organizations", "ListAWSServiceAccessForOrganization",
                    "{\"EnabledServicePrincipals\":[]}"), "preflight", "org")
                    .line("FAIL", "stacksets-trusted-access", MANAGEMENT, "has no trusted access");
        }

        @Test
        void errsWhenTrustedAccessCannotBeRead() {
            run(new RecordedAws("org", "prod").failing("organizations", "ListAWSServiceAccessForOrganization", "AccessDeniedException"),
                    "preflight", "org").line("ERROR", "stacksets-trusted-access", MANAGEMENT, "AccessDeniedException");
        }

        @Test
        void isNotCheckedForAStackOnTheProviderEngine() {
            assertTrue(preflight(new RecordedAws("prod")).out().lines().noneMatch(line -> line.contains("stacksets-trusted-access")));
        }
    }

    @Nested
    class PolicyTypes {
        @Test
        void passWhereScpsAndRcpsAreEnabled() {
            Run run = preflight(new RecordedAws("prod"));
            run.line("PASS", "scp-enabled", MANAGEMENT, "SERVICE_CONTROL_POLICY is enabled on r-pr0d");
            run.line("PASS", "rcp-enabled", MANAGEMENT, "RESOURCE_CONTROL_POLICY is enabled on r-pr0d");
        }

        @Test
        void failWhereRcpsAreNotEnabled() {
            Run run = preflight(new RecordedAws("prod").answering("organizations", "ListRoots",
                    "{\"Roots\":[{\"Id\":\"r-pr0d\",\"Name\":\"Root\",\"PolicyTypes\":[{\"Type\":\"SERVICE_CONTROL_POLICY\",\"Status\":\"ENABLED\"}]}]}"));
            assertEquals("aws organizations enable-policy-type --root-id r-pr0d --policy-type RESOURCE_CONTROL_POLICY",
                    run.fixOf("FAIL", "rcp-enabled", MANAGEMENT));
            run.line("PASS", "scp-enabled", MANAGEMENT);
        }

        @Test
        void errWhenTheRootCannotBeRead() {
            preflight(new RecordedAws("prod").failing("organizations", "ListRoots", "AccessDeniedException"))
                    .line("ERROR", "policy-types-enabled", MANAGEMENT, "AccessDeniedException");
        }
    }

    @Nested
    class Room {
        @Test
        void passesWhereTheTargetHasRoomForBothPolicies() {
            Run run = preflight(new RecordedAws("prod"));
            run.line("PASS", "scp-room", MANAGEMENT, "r-pr0d has 2 other SCPs", "(quota 10)");
            run.line("PASS", "rcp-room", MANAGEMENT, "r-pr0d has 1 other RCPs", "(quota 5)");
        }

        @Test
        void failsWhereTenScpsAreAttachedAlready() {
            preflight(new RecordedAws("scp-room-full", "prod")).line("FAIL", "scp-room", MANAGEMENT,
                    "r-pr0d has 10 SCPs", "would exceed AWS's quota of 10 SCPs per root, OU or account");
        }

        @Test
        void failsWhereFiveRcpsAreAttachedAlready() {
            preflight(new RecordedAws("rcp-room-full", "prod")).line("FAIL", "rcp-room", MANAGEMENT,
                    "r-pr0d has 5 RCPs", "RCPFullAWSAccess", "would exceed AWS's quota of 5 RCPs per root, OU or account");
        }

        @Test
        void warnsWhereAlreadyAttachedIsWrongAndSaysTheRightNumber() {
            Run run = preflight(new RecordedAws("scp-count-differs", "prod"));
            assertEquals("set serviceControlPolicy.targets[r-pr0d].alreadyAttached to 3.", run.fixOf("WARN", "scp-room", MANAGEMENT));
        }

        @Test
        void errsWhenAttachedPoliciesCannotBeRead() {
            Run run = preflight(new RecordedAws("prod").failing("organizations", "ListPoliciesForTarget", "AccessDeniedException"));
            run.line("ERROR", "scp-room", MANAGEMENT, "cannot read the SCPs of r-pr0d");
            run.line("ERROR", "rcp-room", MANAGEMENT, "cannot read the RCPs of r-pr0d");
        }
    }

    @Nested
    class SecretConfig {
        @Test
        void failsOnThePlaceholderCiphertextOfTheTemplate() {
            assertEquals("pulumi config set --secret deletion-guard:paymentsWebhookSigningKey --stack prod (it prompts for the value).",
                    preflight(new RecordedAws("prod")).fixOf("FAIL", "secret-config", "organization"));
        }

        /** With a real ciphertext every prod check passes and preflight exits 0. */
        @Test
        void passesOnARealCiphertext(@TempDir Path project) throws Exception {
            Path root = Commands.projectWithProdStackFile(project, text -> text.replace(
                    "AAABAGRlbGV0aW9uLWd1YXJkLXBsYWNlaG9sZGVyLWNpcGhlcnRleHQ=", "AAABAFk3c2VjcmV0LWNpcGhlcnRleHQtb2YtdGhlLWNsaQ=="));
            Run run = Commands.run(root, new RecordedAws("prod"), Clock.fixed(Commands.NOW, java.time.ZoneOffset.UTC), duration -> { },
                    "preflight", "prod");
            run.line("PASS", "secret-config", "organization", "deletion-guard:paymentsWebhookSigningKey holds a ciphertext");
            run.everyCallRecorded().exits(0);
        }
    }

    @Test
    void exitsTwoOnAConfigErrorOrBadUsageBeforeCallingAws() {
        RecordedAws aws = new RecordedAws("prod");
        Run missing = run(aws, "preflight", "no-such-stack");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("Pulumi.no-such-stack.yaml"), missing.err());
        assertEquals(2, run(aws, "preflight", "prod", "--parallelism", "0").exitCode());
        assertEquals(2, run(aws, "preflight", "prod", "--account", "444444444444").exitCode());
        assertEquals(2, run(aws, "preflight").exitCode());
        assertEquals(java.util.List.of(), aws.calls());
    }
}
