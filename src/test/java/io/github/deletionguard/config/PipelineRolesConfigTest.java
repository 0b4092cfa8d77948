package io.github.deletionguard.config;

import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code deletion-guard:pipelineRoles}: read, and every mistake reported at once. */
class PipelineRolesConfigTest {
    private static final String ROLES = "deletion-guard:pipelineRoles";

    @Test
    void prodListsOneRoleOfOneAccountAndOneOfEveryAccount() {
        List<PipelineRole> roles = ConfigBuilder.stackFile("prod").load().pipelineRoles();

        assertEquals(List.of(new PipelineRole("arn:aws:iam::444444444444:role/ci/payments-deployer", "444444444444", "/ci/payments-deployer"),
                new PipelineRole("arn:aws:iam::*:role/ci/platform-deployer", "*", "/ci/platform-deployer")), roles);
        assertEquals("arn:aws:iam::*:role/ci/platform-deployer", roles.get(1).arn());
        assertEquals(":role/ci/platform-deployer", roles.get(1).arnSuffix());
        assertEquals("platform-deployer", roles.get(1).name());
    }

    @Test
    void inAccessOnlyTheyChangeNothingAndAWarningSaysSo() {
        LoadedConfig loaded = ConfigBuilder.stackFile("staging")
                .set(ROLES, "[\"arn:aws:iam::*:role/ci/platform-deployer\"]").loaded();

        assertEquals(List.of(ROLES + ": is set, but alarmMode access-only counts no denied deletion attempts, so the pipeline"
                        + " roles change nothing. Fix: remove it, or set alarmMode to any-deletion, where their denied attempts"
                        + " become one notice per run."),
                loaded.warnings().stream().map(ConfigIssue::describe).filter(warning -> warning.startsWith(ROLES)).toList());
    }

    @Test
    void unsetMeansNone() {
        assertEquals(List.of(), ConfigBuilder.stackFile("staging").load().pipelineRoles());
    }

    @Test
    void everyMistakeIsReportedAtOnce() {
        List<String> issues = describe(ConfigBuilder.stackFile("prod").set(ROLES, """
                ["arn:aws:iam::444444444444:role/ci/*",
                 "arn:aws:iam::44444444:role/ci/deployer",
                 "ci/deployer",
                 "arn:aws:iam::999999999999:role/ci/deployer",
                 "arn:aws:iam::*:role/BreakGlassAdmin",
                 "arn:aws:iam::444444444444:role/emergency/IncidentResponder",
                 "arn:aws:iam::*:role/OrganizationAccountAccessRole",
                 "arn:aws:iam::*:role/AWSControlTowerExecution",
                 "arn:aws:iam::*:role/ci/platform-deployer",
                 "arn:aws:iam::*:role/ci/platform-deployer",
                 "arn:aws:iam::055555555555:role/ci/platform-deployer"]"""));

        String fix = " Fix: list only the pipeline's own deployment role; its denied attempts are the ones a notice summarizes.";
        assertEquals(List.of(
                ROLES + "[0]: 'arn:aws:iam::444444444444:role/ci/*' is not a role ARN with a 12-digit or * account. Fix: write"
                        + " arn:aws:iam::<12-digit account or *>:role/<path/>name, path included as CloudTrail's session issuer"
                        + " shows it; * as the account is the role in every account, and no other wildcard is allowed.",
                ROLES + "[1]: 'arn:aws:iam::44444444:role/ci/deployer' is not a role ARN with a 12-digit or * account.",
                ROLES + "[2]: 'ci/deployer' is not a role ARN with a 12-digit or * account.",
                ROLES + "[3]: names account 999999999999, which is not in deletion-guard:accounts: no denied call of it reaches"
                        + " the security account. Fix: name a role of a listed account, or * for the role in every account.",
                ROLES + "[4]: is a break-glass role (deletion-guard:organization.breakGlassRoles): its denied attempts would"
                        + " page nobody until its run ends." + fix,
                ROLES + "[5]: is a break-glass role (deletion-guard:organization.breakGlassRoles): its denied attempts would"
                        + " page nobody until its run ends." + fix,
                ROLES + "[6]: is the access role OrganizationAccountAccessRole (deletion-guard:organization.accessRoleName),"
                        + " which deploys the guardrails: its denied attempts must page." + fix,
                ROLES + "[7]: is a provisioner role (deletion-guard:organization.provisionerRoles), which rewrites the roles"
                        + " that guard the keys: its denied attempts must page." + fix,
                ROLES + "[9]: 'arn:aws:iam::*:role/ci/platform-deployer' is listed twice: it is already " + ROLES + "[8]."
                        + " Fix: remove the duplicate.",
                ROLES + "[10]: 'arn:aws:iam::055555555555:role/ci/platform-deployer' is covered by"
                        + " arn:aws:iam::*:role/ci/platform-deployer: it is already " + ROLES + "[8]. Fix: remove the duplicate."),
                issues.stream().map(issue -> issue.startsWith(ROLES + "[0]") ? issue : issue.replaceFirst(" Fix: write arn.*", ""))
                        .toList());
    }

    @Test
    void aListOfAnythingButTextsIsAShapeError() {
        List<String> issues = describe(ConfigBuilder.stackFile("prod").set(ROLES, "[{\"arn\": \"arn:aws:iam::*:role/ci/x\"}]"));

        assertEquals(1, issues.size(), issues::toString);
        assertEquals(true, issues.get(0).startsWith(ROLES + "[0]"), issues::toString);
    }

    private static List<String> describe(ConfigBuilder config) {
        return config.issues().stream().map(ConfigIssue::describe).toList();
    }
}
