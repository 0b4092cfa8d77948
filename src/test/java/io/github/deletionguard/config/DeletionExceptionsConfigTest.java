package io.github.deletionguard.config;

import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.TestClock;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code deletion-guard:approvedDeletions} and {@code deletion-guard:ephemeralScopes}: read and judged on a fixed day. */
class DeletionExceptionsConfigTest {
    private static final String APPROVALS = "deletion-guard:approvedDeletions";
    private static final String SCOPES = "deletion-guard:ephemeralScopes";
    private static final String KEY = "arn:aws:kms:eu-central-1:444444444444:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    private static final String PIPELINE = "arn:aws:iam::444444444444:role/ci/payments-deployer";

    @Test
    void prodCarriesOneActiveApprovalWithItsDaysLeft() {
        DeletionExceptions exceptions = ConfigBuilder.stackFile("prod").load().deletionExceptions();

        ApprovedDeletion approval = exceptions.active().get(0);
        assertEquals(List.of(KEY), exceptions.active().stream().map(active -> active.resource().arn()).toList());
        assertEquals(ApprovedResource.Kind.KEY, approval.resource().kind());
        assertEquals(18, approval.daysLeftOn(TestClock.TODAY));
        assertEquals("2026-12-20T00:00:00Z", approval.expiresAt());
    }

    @Test
    void stagingCarriesTheSandboxOu() {
        EphemeralScope scope = ConfigBuilder.stackFile("staging").load().deletionExceptions().ephemeralScopes().get(0);

        assertEquals("o-st4g1ng0rg1/r-st4g/ou-st4g-s4ndb0x1/*", scope.orgPathPattern());
        assertEquals("ou-st4g-s4ndb0x1", scope.organizationalUnitId());
    }

    @Test
    void onAndAfterItsDateAnApprovalIsExpiredAndWarnedAboutButNoError() {
        LoadedConfig loaded = ConfigBuilder.stackFile("prod").on(LocalDate.of(2026, 12, 20)).loaded();

        assertEquals(List.of(), loaded.config().deletionExceptions().active());
        assertEquals(List.of(APPROVALS + "[0]: expired at 2026-12-20T00:00:00Z (ticket CHG-4711, " + KEY + "): AWS denies the"
                        + " deletion again and this run renders no exemption for it. Fix: remove the entry; if the deletion is"
                        + " still to happen, renew it under a new ticket with a new until."),
                loaded.warnings().stream().map(ConfigIssue::describe).filter(warning -> warning.startsWith(APPROVALS)).toList());
    }

    @Test
    void everyMistakeOfAnApprovalIsReportedAtOnce() {
        List<String> issues = describe(ConfigBuilder.stackFile("prod").set(APPROVALS, """
                [{"resource":"arn:aws:kms:eu-central-1:999999999999:key/alias-payments","until":"2027-01-15","ticket":"",
                  "approvedBy":" ","reason":"","principal":"arn:aws:iam::444444444444:role/ci/*"},
                 {"resource":"arn:aws:secretsmanager:eu-west-1:444444444444:secret:payments/db","until":"2026-12-10",
                  "ticket":"CHG-1","approvedBy":"cab","reason":"gone","principal":"arn:aws:iam::055555555555:role/ci/deployer"},
                 {"resource":"arn:aws:secretsmanager:eu-west-1:111111111111:secret:*","until":"2026-12-10",
                  "ticket":"CHG-2","approvedBy":"cab","reason":"gone","principal":"arn:aws:iam::111111111111:role/BreakGlassAdmin"},
                 {"resource":"arn:aws:s3:::bucket","until":"12/10/2026","ticket":"CHG-3","approvedBy":"cab","reason":"x",
                  "principl":"arn:aws:iam::444444444444:role/x"}]"""));

        assertEquals(List.of(
                APPROVALS + "[3].principl: is not a known field; did you mean principal?",
                APPROVALS + "[3].resource: 'arn:aws:s3:::bucket' is not a KMS key or Secrets Manager secret ARN.",
                APPROVALS + "[3].until: '12/10/2026' is not an ISO date.",
                APPROVALS + "[0].resource: 'alias-payments' is not a key id: a key is approved by its exact ARN (key/<uuid> or"
                        + " key/mrk-...), never by alias or pattern.",
                APPROVALS + "[0].resource: names account 999999999999, which is not in deletion-guard:accounts.",
                APPROVALS + "[0].until: 2027-01-15 is more than 30 days after today (2026-12-02): approvals are short on purpose.",
                APPROVALS + "[0].ticket: '' is not a change reference.",
                APPROVALS + "[0].approvedBy: is blank.",
                APPROVALS + "[0].reason: is blank.",
                APPROVALS + "[0].principal: 'arn:aws:iam::444444444444:role/ci/*' is not an IAM role ARN.",
                APPROVALS + "[1].resource: 'payments/db' lacks the hyphen and six characters Secrets Manager appends, so it"
                        + " matches no secret.",
                APPROVALS + "[1].principal: is a role of account 055555555555, but the resource is in account 444444444444: KMS"
                        + " schedules deletions for the key's own account only, and the SCP exempts callers by their own account."),
                issues.subList(0, 12));
        assertEquals(List.of(
                APPROVALS + "[2].resource: '*' would match every secret of the account.",
                APPROVALS + "[2].resource: names the management account 111111111111, which no SCP binds: there is nothing to exempt.",
                APPROVALS + "[2].principal: names the management account 111111111111, which no SCP binds: there is nothing to exempt."),
                issues.subList(12, issues.size()).stream().filter(issue -> issue.startsWith(APPROVALS + "[2]")).toList());
    }

    @Test
    void theSameResourceTwiceForOneRoleIsOneApprovalTooMany() {
        String entry = """
                {"resource":"%s","until":"2026-12-20","ticket":"CHG-1","approvedBy":"cab","reason":"gone","principal":"%s"}"""
                .formatted(KEY, PIPELINE);

        assertEquals(List.of(APPROVALS + "[1].resource: '" + KEY + "' is listed twice: it is already " + APPROVALS + "[0].resource."),
                describe(ConfigBuilder.stackFile("prod").set(APPROVALS, "[" + entry + "," + entry + "]")));
    }

    @Test
    void approvalsAndScopesNeedTheServiceControlPolicyTheyExemptFrom() {
        List<String> issues = describe(ConfigBuilder.stackFile("staging").remove("serviceControlPolicy")
                .set(APPROVALS, "[{\"resource\":\"arn:aws:kms:eu-central-1:230000000003:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\","
                        + "\"until\":\"2026-12-20\",\"ticket\":\"CHG-1\",\"approvedBy\":\"cab\",\"reason\":\"gone\","
                        + "\"principal\":\"arn:aws:iam::230000000003:role/ci/deployer\"}]"));

        assertEquals(List.of(
                APPROVALS + ": is set, but the stack deploys no deletion-guard:serviceControlPolicy, and approved deletions are exemptions from it.",
                SCOPES + ": is set, but the stack deploys no deletion-guard:serviceControlPolicy, and ephemeral scopes are exemptions from it."),
                issues);
    }

    @Test
    void anEphemeralScopeMustBeAnOuPathOfThisOrganizationWithoutTheSecurityAccount() {
        List<String> issues = describe(ConfigBuilder.stackFile("staging")
                .edit("accounts", accounts -> ConfigBuilder.entry(accounts, 1).addProperty("organizationalUnit", "ou-st4g-s3cur1ty0"))
                .set(SCOPES, """
                        [{"name":"sandboxes","organizationalUnitPath":"o-st4g1ng0rg1/r-st4g/ou-st4g-s4ndb0x1"},
                         {"name":"Other Org","organizationalUnitPath":"o-0th3r0rg000/r-abcd/ou-abcd-12345678/"},
                         {"name":"security","organizationalUnitPath":"o-st4g1ng0rg1/r-st4g/ou-st4g-s3cur1ty0/ou-st4g-12345678/"}]"""));

        assertEquals(List.of(
                SCOPES + "[0].organizationalUnitPath: 'o-st4g1ng0rg1/r-st4g/ou-st4g-s4ndb0x1' is not an OU path.",
                SCOPES + "[1].name: 'Other Org' cannot be part of resource names.",
                SCOPES + "[1].organizationalUnitPath: starts with organization o-0th3r0rg000, not this one (o-st4g1ng0rg1).",
                SCOPES + "[2].organizationalUnitPath: contains the security account's OU ou-st4g-s3cur1ty0, whose critical keys"
                        + " and secrets must keep their windows."), issues);
    }

    @Test
    void aSecretNamePatternWithAFixedPartIsAccepted() {
        ConfigBuilder config = ConfigBuilder.stackFile("prod").set(APPROVALS, """
                [{"resource":"arn:aws:secretsmanager:eu-west-1:444444444444:secret:ci/pr-42/*","until":"2026-12-05",
                  "ticket":"PR-42","approvedBy":"team lead","reason":"preview environment teardown",
                  "principal":"%s"}]""".formatted(PIPELINE));

        assertTrue(config.load().deletionExceptions().active().get(0).resource().isPattern());
    }

    /** The ticket, approver and reason are literal text of the approval's EventBridge notice. */
    @Test
    void theApprovalsWordsMustFitItsNotice() {
        List<String> issues = describe(ConfigBuilder.stackFile("prod").set(APPROVALS, """
                [{"resource":"%s","until":"2026-12-20","ticket":"CHG-<1>","approvedBy":"<cab>","reason":"%s",
                  "principal":"%s"}]""".formatted(KEY, "x".repeat(513), PIPELINE)));

        assertEquals(List.of(
                APPROVALS + "[0].ticket: 'CHG-<1>' is not a change reference.",
                APPROVALS + "[0].approvedBy: contains '<' or '>', which EventBridge would read as a placeholder of the"
                        + " approval's notice.",
                APPROVALS + "[0].reason: is 513 characters; the approval's notice takes at most 512."), issues);
    }

    /** The problems only: the fixes are checked where they are long enough to matter. */
    private static List<String> describe(ConfigBuilder config) {
        return config.issues().stream().map(issue -> issue.field() + ": " + issue.problem()).toList();
    }
}
