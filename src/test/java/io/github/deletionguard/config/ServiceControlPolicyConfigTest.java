package io.github.deletionguard.config;

import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading and validating {@code deletion-guard:serviceControlPolicy}, without the Pulumi engine. */
class ServiceControlPolicyConfigTest {
    private static final String SCP = "deletion-guard:serviceControlPolicy";
    private static final String MANAGEMENT_ID = "111111111111";

    /** The sample stack with this SCP section ({@code null}: none). */
    private static ConfigBuilder stack(String serviceControlPolicy) {
        ConfigBuilder config = ConfigBuilder.sample();
        return serviceControlPolicy == null ? config : config.set("serviceControlPolicy", serviceControlPolicy);
    }

    private static GuardConfig load(ConfigBuilder config) {
        return config.load();
    }

    private static List<ConfigIssue> issues(ConfigBuilder config) {
        return config.issues();
    }

    private static List<ConfigIssue> issues(String serviceControlPolicy) {
        return issues(stack(serviceControlPolicy));
    }

    private static void assertOnlyIssueAt(String field, List<ConfigIssue> issues) {
        assertEquals(List.of(field), issues.stream().map(ConfigIssue::field).toList(), issues.toString());
    }

    @Test
    void readsRolloutWindowAndTargets() {
        GuardConfig config = load(stack("""
                {"rollout": "full", "minimumWindowDays": 14,
                 "targets": [{"id": "r-ab12", "alreadyAttached": 2},
                             {"id": "ou-ab12-workload1", "alreadyAttached": 1},
                             {"id": "055555555555", "alreadyAttached": 4, "alreadyAttachedRcps": 3}]}"""));

        assertEquals(Optional.of(new ServiceControlPolicySettings(PolicyRollout.FULL, 14, List.of(
                        new PolicyTarget("r-ab12", 2, PolicyTarget.DEFAULT_ATTACHED_RCPS),
                        new PolicyTarget("ou-ab12-workload1", 1, PolicyTarget.DEFAULT_ATTACHED_RCPS),
                        new PolicyTarget("055555555555", 4, 3)))),
                config.serviceControlPolicy());
        assertEquals(List.of(PolicyTarget.Kind.ROOT, PolicyTarget.Kind.ORGANIZATIONAL_UNIT, PolicyTarget.Kind.ACCOUNT),
                config.serviceControlPolicy().orElseThrow().targets().stream().map(PolicyTarget::kind).toList());
    }

    @Test
    void withoutTheSectionNoPolicyIsDeployedAndBreakGlassRolesStayOptional() {
        ConfigBuilder config = stack(null);
        config.set("organization", """
                {"id": "o-abcdef1234", "managementAccount": {"id": "111111111111", "name": "management"}}""");

        assertEquals(Optional.empty(), load(config).serviceControlPolicy());
    }

    @Test
    void requiresABreakGlassRoleWhenThePolicyIsDeployed() {
        ConfigBuilder config = stack("""
                {"rollout": "test-ou", "minimumWindowDays": 14, "targets": [{"id": "ou-ab12-testacc1", "alreadyAttached": 1}]}""");
        config.set("organization", """
                {"id": "o-abcdef1234", "managementAccount": {"id": "111111111111", "name": "management"},
                 "breakGlassRoles": []}""");

        assertOnlyIssueAt("deletion-guard:organization.breakGlassRoles", issues(config));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 31, 365})
    void rejectsMinimumWindowsOutsideSevenToThirtyDays(int days) {
        List<ConfigIssue> issues = issues("""
                {"rollout": "test-ou", "minimumWindowDays": %d, "targets": [{"id": "ou-ab12-testacc1", "alreadyAttached": 1}]}"""
                .formatted(days));

        assertOnlyIssueAt(SCP + ".minimumWindowDays", issues);
        assertTrue(issues.get(0).fix().contains("7 to 30"), issues.get(0).describe());
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 30})
    void acceptsTheWindowLimitsThemselves(int days) {
        GuardConfig config = load(stack("""
                {"rollout": "test-ou", "minimumWindowDays": %d, "targets": [{"id": "ou-ab12-testacc1", "alreadyAttached": 1}]}"""
                .formatted(days)));

        assertEquals(days, config.serviceControlPolicy().orElseThrow().minimumWindowDays());
    }

    @Test
    void reportsAMissingOrUnreadableWindowOnce() {
        assertOnlyIssueAt(SCP + ".minimumWindowDays", issues("""
                {"rollout": "test-ou", "targets": [{"id": "ou-ab12-testacc1", "alreadyAttached": 1}]}"""));
        assertOnlyIssueAt(SCP + ".minimumWindowDays", issues("""
                {"rollout": "test-ou", "minimumWindowDays": "two weeks", "targets": [{"id": "ou-ab12-testacc1", "alreadyAttached": 1}]}"""));
    }

    @Test
    void rejectsATargetThatWouldExceedTenPolicies() {
        List<ConfigIssue> issues = issues("""
                {"rollout": "full", "minimumWindowDays": 14,
                 "targets": [{"id": "r-ab12", "alreadyAttached": 9}, {"id": "ou-ab12-workload1", "alreadyAttached": 10}]}""");

        assertOnlyIssueAt(SCP + ".targets[1].alreadyAttached", issues);
        assertTrue(issues.get(0).problem().contains("there would be 11"), issues.get(0).describe());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void rejectsACountWithoutFullAwsAccess(int alreadyAttached) {
        assertOnlyIssueAt(SCP + ".targets[0].alreadyAttached", issues("""
                {"rollout": "full", "minimumWindowDays": 14, "targets": [{"id": "r-ab12", "alreadyAttached": %d}]}"""
                .formatted(alreadyAttached)));
    }

    @Test
    void requiresTheCountOfAttachedPolicies() {
        List<ConfigIssue> issues = issues("""
                {"rollout": "full", "minimumWindowDays": 14, "targets": [{"id": "r-ab12"}]}""");

        assertOnlyIssueAt(SCP + ".targets[0].alreadyAttached", issues);
        assertTrue(issues.get(0).fix().contains("list-policies-for-target"), issues.get(0).describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"root", "r-AB12", "r-ab", "ou-ab12", "ou-ab12-short", "OU-ab12-workload1", "12345678901",
            "arn:aws:organizations::111111111111:ou/o-abcdef1234/ou-ab12-workload1"})
    void rejectsTargetIdsThatAreNoRootOuOrAccount(String id) {
        List<ConfigIssue> issues = issues("""
                {"rollout": "full", "minimumWindowDays": 14, "targets": [{"id": "%s", "alreadyAttached": 1}]}""".formatted(id));

        assertOnlyIssueAt(SCP + ".targets[0].id", issues);
        assertTrue(issues.get(0).problem().contains("is not a root, OU or account id"), issues.get(0).describe());
    }

    @Test
    void rejectsAnUnquotedAccountIdThatLostItsLeadingZero() {
        List<ConfigIssue> issues = issues("""
                {"rollout": "full", "minimumWindowDays": 14, "targets": [{"id": 55555555555, "alreadyAttached": 1}]}""");

        assertOnlyIssueAt(SCP + ".targets[0].id", issues);
        assertTrue(issues.get(0).fix().contains("\"055555555555\""), issues.get(0).describe());
    }

    @Test
    void rejectsATargetWithoutId() {
        assertOnlyIssueAt(SCP + ".targets[0].id", issues("""
                {"rollout": "full", "minimumWindowDays": 14, "targets": [{"alreadyAttached": 1}]}"""));
    }

    @Test
    void rejectsDuplicateTargets() {
        assertOnlyIssueAt(SCP + ".targets[1].id", issues("""
                {"rollout": "full", "minimumWindowDays": 14,
                 "targets": [{"id": "ou-ab12-workload1", "alreadyAttached": 1}, {"id": "ou-ab12-workload1", "alreadyAttached": 1}]}"""));
    }

    @Test
    void rejectsTheManagementAccountAsTargetSinceNoScpBindsIt() {
        List<ConfigIssue> issues = issues("""
                {"rollout": "full", "minimumWindowDays": 14, "targets": [{"id": "%s", "alreadyAttached": 1}]}"""
                .formatted(MANAGEMENT_ID));

        assertOnlyIssueAt(SCP + ".targets[0].id", issues);
        assertTrue(issues.get(0).problem().contains("management account"), issues.get(0).describe());
    }

    @Test
    void rejectsMissingOrEmptyTargets() {
        assertOnlyIssueAt(SCP + ".targets", issues("""
                {"rollout": "full", "minimumWindowDays": 14}"""));
        assertOnlyIssueAt(SCP + ".targets", issues("""
                {"rollout": "full", "minimumWindowDays": 14, "targets": []}"""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"r-ab12", "333333333333"})
    void testOuRolloutRefusesTheRootAndSingleAccounts(String id) {
        List<ConfigIssue> issues = issues("""
                {"rollout": "test-ou", "minimumWindowDays": 14, "targets": [{"id": "%s", "alreadyAttached": 1}]}""".formatted(id));

        assertOnlyIssueAt(SCP + ".targets[0].id", issues);
        assertTrue(issues.get(0).problem().contains("rollout test-ou"), issues.get(0).describe());
    }

    @Test
    void testOuRolloutRefusesASecondOu() {
        assertOnlyIssueAt(SCP + ".targets", issues("""
                {"rollout": "test-ou", "minimumWindowDays": 14,
                 "targets": [{"id": "ou-ab12-testacc1", "alreadyAttached": 1}, {"id": "ou-ab12-testacc2", "alreadyAttached": 1}]}"""));
    }

    @Test
    void fullRolloutTakesTheRootOusAndAccountsTogether() {
        GuardConfig config = load(stack("""
                {"rollout": "full", "minimumWindowDays": 14,
                 "targets": [{"id": "r-ab12", "alreadyAttached": 1}, {"id": "ou-ab12-workload1", "alreadyAttached": 1},
                             {"id": "333333333333", "alreadyAttached": 1}]}"""));

        assertEquals(3, config.serviceControlPolicy().orElseThrow().targets().size());
    }

    @Test
    void rejectsAMissingOrUnknownRolloutOnce() {
        assertOnlyIssueAt(SCP + ".rollout", issues("""
                {"minimumWindowDays": 14, "targets": [{"id": "r-ab12", "alreadyAttached": 1}]}"""));
        assertOnlyIssueAt(SCP + ".rollout", issues("""
                {"rollout": "everywhere", "minimumWindowDays": 14, "targets": [{"id": "r-ab12", "alreadyAttached": 1}]}"""));
    }

    @Test
    void rejectsMisspeltFieldsAndAValueThatIsNoMap() {
        assertOnlyIssueAt(SCP + ".minimumWindowDay", issues("""
                {"rollout": "test-ou", "minimumWindowDays": 14, "minimumWindowDay": 7,
                 "targets": [{"id": "ou-ab12-testacc1", "alreadyAttached": 1}]}"""));
        assertOnlyIssueAt(SCP + ".targets[0].attached", issues("""
                {"rollout": "test-ou", "minimumWindowDays": 14,
                 "targets": [{"id": "ou-ab12-testacc1", "alreadyAttached": 1, "attached": 1}]}"""));
        assertTrue(issues("[\"r-ab12\"]").stream().anyMatch(issue -> issue.field().equals(SCP)
                && issue.problem().contains("must be a map")));
    }

    @Test
    void reportsEveryProblemAtOnceNamingTheStackFile() {
        ConfigBuilder config = stack("""
                {"rollout": "test-ou", "minimumWindowDays": 3,
                 "targets": [{"id": "r-ab12", "alreadyAttached": 10}]}""");
        config.set("organization", """
                {"id": "o-abcdef1234", "managementAccount": {"id": "111111111111", "name": "management"}}""");

        InvalidConfigException error = config.rejected();

        assertEquals(List.of(
                        "deletion-guard:organization.breakGlassRoles",
                        SCP + ".minimumWindowDays",
                        SCP + ".targets[0].id",
                        SCP + ".targets[0].alreadyAttached"),
                error.issues().stream().map(ConfigIssue::field).toList());
        assertTrue(error.getMessage().startsWith("Pulumi.test.yaml has 4 issues:"), error.getMessage());
    }

    @Test
    void rejectsATargetWithoutRoomForTheResourceControlPolicy() {
        List<ConfigIssue> issues = issues("""
                {"rollout": "full", "minimumWindowDays": 14,
                 "targets": [{"id": "r-ab12", "alreadyAttached": 1, "alreadyAttachedRcps": 5},
                             {"id": "ou-ab12-workload1", "alreadyAttached": 1, "alreadyAttachedRcps": 0}]}""");

        assertEquals(List.of(SCP + ".targets[0].alreadyAttachedRcps", SCP + ".targets[1].alreadyAttachedRcps"),
                issues.stream().map(ConfigIssue::field).toList(), issues.toString());
        assertTrue(issues.get(0).problem().contains("AWS allows 5 RCPs per root, OU or account"), issues.get(0).problem());
        assertTrue(issues.get(1).fix().contains("RCPFullAWSAccess"), issues.get(1).fix());
    }

    @Test
    void readsProvisionerRolesAndChecksThemLikeBreakGlassRoles() {
        ConfigBuilder config = stack(null).set("organization", """
                {"id": "o-abcdef1234", "managementAccount": {"id": "111111111111", "name": "management"},
                 "breakGlassRoles": ["BreakGlass", "OrganizationAccountAccessRole"],
                 "provisionerRoles": ["AWSControlTowerExecution", "/provisioning/Baseline", "arn:aws:iam::1:role/x",
                                      "AWSControlTowerExecution", "BreakGlass"]}""");

        List<ConfigIssue> issues = issues(config);

        String organization = "deletion-guard:organization";
        assertEquals(List.of(organization + ".provisionerRoles[2]", organization + ".provisionerRoles[3]",
                        organization + ".provisionerRoles[4]", organization + ".breakGlassRoles"),
                issues.stream().map(ConfigIssue::field).toList(), issues.toString());
        assertTrue(issues.get(0).fix().contains("no ARN"), issues.get(0).fix());
        assertTrue(issues.get(1).problem().contains("listed twice"), issues.get(1).problem());
        assertTrue(issues.get(2).problem().contains("is a break-glass role too"), issues.get(2).problem());
        assertTrue(issues.get(3).problem().contains("lists the access role 'OrganizationAccountAccessRole'"), issues.get(3).problem());
    }

    @Test
    void provisionerRolesAreOptional() {
        assertEquals(List.of(), load(stack(null)).organization().provisionerRoles());
        assertEquals(List.of(BreakGlassRole.parse("AWSControlTowerExecution")),
                ConfigBuilder.stackFile("prod").load().organization().provisionerRoles());
    }
}
