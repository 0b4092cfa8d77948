package io.github.deletionguard.prevention;

import io.github.deletionguard.providers.AccountProviders;
import io.github.deletionguard.naming.ResourceNames;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.aws.organizations.Policy;
import com.pulumi.aws.organizations.PolicyAttachment;
import com.pulumi.resources.CustomResource;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.DeletionGuardStack;
import io.github.deletionguard.awsapi.ServiceManagedRoles;
import io.github.deletionguard.naming.Tags;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.documents.InvalidPolicyException;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.GoldenFiles;
import io.github.deletionguard.testing.IamSimulator;
import io.github.deletionguard.plan.PlannedResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rendered SCP and RCP of each stack: reviewed as golden files, minified, split when the SCP
 * outgrows one policy, and refused when AWS would refuse them, before anything is registered.
 */
class ServiceControlPolicyDocumentTest {
    private static final Class<? extends CustomResource> POLICY_TYPE = Policy.class;

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod", "org"})
    void registeredDocumentsMatchTheReviewedGoldenFiles(String stack) {
        OfflineEngine.Run run = Deployments.ofStackFile(stack);
        String scp = registered(run, "SERVICE_CONTROL_POLICY").get(0);
        String rcp = registered(run, "RESOURCE_CONTROL_POLICY").get(0);

        GoldenFiles.assertMatches("orgpolicy/" + stack + "/" + ServiceControlPolicyDocument.FILE, scp);
        GoldenFiles.assertMatches("orgpolicy/" + stack + "/" + ResourceControlPolicyDocument.FILE, rcp);
        assertEquals(scp, run.outputs().get("serviceControlPolicyDocument"), "the stack output is the same document");
        assertEquals(rcp, run.outputs().get("resourceControlPolicyDocument"), "the stack output is the same document");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod", "org"})
    void documentsAreMinifiedAndWithinTheSizeAwsAccepts(String stack) {
        OfflineEngine.Run run = Deployments.ofStackFile(stack);
        List<String> scpParts = registered(run, "SERVICE_CONTROL_POLICY");
        String rcp = registered(run, "RESOURCE_CONTROL_POLICY").get(0);

        for (String document : List.of(scpParts.get(0), rcp)) {
            assertEquals(JsonParser.parseString(document).toString(), document, "no whitespace between tokens");
        }
        assertEquals(1, scpParts.size(), stack + "'s SCP fits one policy");
        assertTrue(scpParts.get(0).length() <= ServiceControlPolicyDocument.MAX_CHARACTERS,
                stack + " SCP renders " + scpParts.get(0).length() + " characters");
        assertTrue(rcp.length() <= ResourceControlPolicyDocument.MAX_CHARACTERS, stack + " RCP renders " + rcp.length() + " characters");
        System.out.println(stack + ": SCP " + scpParts.stream().map(part -> part.length() + " characters").toList()
                + " of " + ServiceControlPolicyDocument.MAX_CHARACTERS + ", RCP " + rcp.length() + " of "
                + ResourceControlPolicyDocument.MAX_CHARACTERS);
    }

    /** Every action and condition key is AWS's own, and every condition key one its actions carry. */
    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod", "org"})
    void everyActionAndConditionKeyIsInAwsVocabulary(String stack) {
        OfflineEngine.Run run = Deployments.ofStackFile(stack);
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        List<String> scpParts = registered(run, "SERVICE_CONTROL_POLICY");
        for (int i = 0; i < scpParts.size(); i++) {
            documents.put(stack + " SCP part " + (i + 1), JsonParser.parseString(scpParts.get(i)).getAsJsonObject());
        }
        documents.put(stack + " RCP", JsonParser.parseString(registered(run, "RESOURCE_CONTROL_POLICY").get(0)).getAsJsonObject());

        assertEquals(List.of(), IamSimulator.vocabularyProblems(documents));
    }

    @Test
    void aMisspeltActionOrAConditionKeyTheActionNeverCarriesIsFound() {
        JsonObject policy = JsonParser.parseString("""
                {"Version": "2012-10-17", "Statement": [
                 {"Sid": "Typo", "Effect": "Deny", "Action": "kms:ScheduleKeyDeletions", "Resource": "*"},
                 {"Sid": "WrongKey", "Effect": "Deny", "Action": "kms:ReplicateKey", "Resource": "*",
                  "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": "x"}, "ArnLike": {"aws:PrincipalArn": "*"}}}]}""")
                .getAsJsonObject();

        assertEquals(List.of("sample Typo: no action kms:ScheduleKeyDeletions",
                        "sample WrongKey: kms:ReplicateKey never carries condition key aws:TagKeys"),
                IamSimulator.vocabularyProblems(Map.of("sample", policy)));
    }

    @Test
    void conditionsNameTheTagsTheProgramUses() {
        JsonObject document = scp(stackConfig("prod", Map.of()));

        assertEquals(Map.of("aws:ResourceTag/" + Tags.MANAGED_BY_TAG, Tags.MANAGED_BY_VALUE),
                strings(statement(document, "ProtectGuardrailsByTag").getAsJsonObject("Condition").getAsJsonObject("StringEquals")));
        // The drill tag's key is written in the reviewed file, as condition keys cannot be placeholders.
        List<String> drillValues = List.of(Tags.DRILL_TAG_VALUE, Tags.DRILL_CLEANUP_VALUE);
        assertEquals(drillValues, strings(statement(document, "DeployerDestroysOnlyDrillResources").getAsJsonObject("Condition")
                .getAsJsonObject("StringNotEquals").getAsJsonArray("aws:ResourceTag/" + Tags.DRILL_TAG_KEY)));
        assertEquals(drillValues, strings(statement(document, "OnlyTheDeployerReplicatesDrillKeys").getAsJsonObject("Condition")
                .getAsJsonObject("StringEquals").getAsJsonArray("aws:ResourceTag/" + Tags.DRILL_TAG_KEY)));
    }

    @Test
    void guardrailNamesFollowTheResourcePrefix() {
        JsonObject document = scp(stackConfig("prod", Map.of("resourcePrefix", "acme-guard")));

        List<String> resources = strings(statement(document, "ProtectGuardrailsByName").getAsJsonArray("Resource"));
        assertTrue(resources.contains("arn:aws:events:*:*:rule/acme-guard-*"), resources.toString());
        assertTrue(resources.contains("arn:aws:cloudformation:*:*:stackset/acme-guard-*"), resources.toString());
        assertTrue(resources.contains("arn:aws:cloudformation:*:*:stack/StackSet-acme-guard-*"), resources.toString());
        assertTrue(strings(statement(document, "OnlyDeployersChangeProtectedRoles").getAsJsonArray("Resource"))
                .contains("arn:aws:iam::*:role/acme-guard-*"));
        // Only the drill tag's key keeps the program's own name.
        assertFalse(document.toString().replace(Tags.DRILL_TAG_KEY, "").contains("deletion-guard-"), document.toString());
    }

    /** Prod's document as it was before its approval, and as it is again once the approval expires. */
    @Test
    void prodWithoutApprovalsMatchesItsGoldenFile() {
        GoldenFiles.assertMatches("orgpolicy/prod/scp-without-approvals.json",
                scp(ConfigBuilder.stackFile("prod").remove("approvedDeletions").load()).toString());
    }

    @Test
    void approvalsThatNeedMoreSlotsThanTheTargetHasAreRefusedNamingThem() {
        // A hundred approvals, each its own role: each adds three statements, some 900 characters.
        StringBuilder approvals = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            approvals.append(i == 0 ? "" : ",").append("""
                    {"resource":"arn:aws:secretsmanager:eu-central-1:444444444444:secret:ci/pr-%d/*","until":"2026-12-%02d",
                     "ticket":"CHG-%d","approvedBy":"cab","reason":"teardown","principal":"arn:aws:iam::444444444444:role/ci/pr-%d"}"""
                    .formatted(i, 3 + i % 28, i, i));
        }
        OfflineEngine.Run run = ConfigBuilder.stackFile("prod").set("approvedDeletions", approvals.append("]").toString()).run();

        InvalidPolicyException error = rootCause(run, InvalidPolicyException.class);
        assertTrue(error.getMessage().contains("AWS allows 10 SCPs per root, OU or account"), error.getMessage());
        assertTrue(error.getMessage().contains("or deletion-guard:approvedDeletions"), error.getMessage());
        assertEquals(List.of(), run.resources(), "nothing may be registered");
    }

    /**
     * The StackSets' execution role is trusted only where the templates create something (rules,
     * targets, documents, roles and their stacks), and guarded as a protected role; a stack on the
     * provider engine names it nowhere.
     */
    @Test
    void onlyTheStackSetsEngineTrustsItsExecutionRoleAndOnlyWithTheBaseline() {
        String executionRole = "arn:aws:iam::*:role/" + ServiceManagedRoles.STACKSETS_EXECUTION_NAMES;
        JsonObject org = scp(stackConfig("org", Map.of()));

        List<String> trusting = org.getAsJsonArray("Statement").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(statement -> statement.has("Condition") && statement.getAsJsonObject("Condition").toString().contains(executionRole))
                .map(statement -> statement.get("Sid").getAsString()).toList();
        assertEquals(List.of("OnlyDeployersChangeProtectedRoles", "ProtectGuardrailsByName", "ProtectGuardrailsByTag"), trusting);
        assertTrue(strings(statement(org, "OnlyDeployersChangeProtectedRoles").getAsJsonArray("Resource")).contains(executionRole));
        for (String stack : List.of("prod", "staging")) {
            assertFalse(scp(stackConfig(stack, Map.of())).toString().contains(ServiceManagedRoles.STACKSETS_EXECUTION_NAMES), stack);
        }
    }

    @Test
    void aStackWithoutTheSectionRendersNoDocument() {
        GuardConfig config = ConfigBuilder.stackFile("prod").remove("serviceControlPolicy").remove("approvedDeletions").load();

        assertEquals(Optional.empty(), OrganizationPolicies.renderFor(config, PolicyFiles.inProjectRoot()));
    }

    /**
     * Eighty break-glass roles outgrow one SCP: the statements are packed, in order, into parts
     * that each fit. The guardrail is deployed on its own: detection refuses so many roles, because
     * its break-glass patterns would outgrow EventBridge's quota.
     */
    @Test
    void aDocumentTooLargeForOnePolicyIsSplitIntoPartsOnEveryTarget() throws IOException {
        GuardConfig config = withBreakGlassRolesConfig(80, 2).load();
        OrganizationPolicies policies = OrganizationPolicies.renderFor(config, PolicyFiles.inProjectRoot()).orElseThrow();
        OfflineEngine.Run run = OfflineEngine.run("deletion-guard", "test", Map.of(), Set.of(), ctx ->
                new OrganizationGuardrail("organization-guardrail", new OrganizationGuardrailArgs(
                        new AccountProviders(config.organization().accessRoleName(), "test")
                                .forRegion(config.organization().managementAccount(), "us-east-1"),
                        ResourceNames.of(config), policies.serviceControlPolicy(), policies.resourceControlPolicy(),
                        List.of("r-pr0d")), ComponentResourceOptions.builder().build()));

        List<String> parts = registered(run, "SERVICE_CONTROL_POLICY");
        assertTrue(parts.size() >= 2, parts.size() + " parts; errors: " + run.errors());
        List<JsonElement> statements = new ArrayList<>();
        for (String part : parts) {
            assertTrue(part.length() <= ServiceControlPolicyDocument.MAX_CHARACTERS, part.length() + " characters");
            statements.addAll(JsonParser.parseString(part).getAsJsonObject().getAsJsonArray("Statement").asList());
        }
        assertEquals(reviewedSids(), statements.stream().map(statement -> statement.getAsJsonObject().get("Sid").getAsString()).toList(),
                "every statement once, in the reviewed order");
        assertEquals(policies.serviceControlPolicy().parts(), parts);
        List<String> attachments = Deployments.ofType(run, PolicyAttachment.class).stream().map(PlannedResource::name).toList();
        assertTrue(attachments.contains("organization-guardrail-attach-r-pr0d"), attachments.toString());
        assertTrue(attachments.contains("organization-guardrail-attach-part2-r-pr0d"), attachments.toString());
        assertTrue(run.resources().stream().anyMatch(resource -> resource.name().equals("organization-guardrail-policy-part2")
                && "deletion-guard-deny-key-and-secret-deletion-2".equals(resource.input("name"))));
    }

    @Test
    void partsThatLeaveATargetWithoutRoomAreRefusedBeforeAnythingIsRegistered() {
        OfflineEngine.Run run = withBreakGlassRoles(80, 9);

        InvalidPolicyException error = rootCause(run, InvalidPolicyException.class);
        int parts = OrganizationPolicies.renderFor(ConfigBuilder.stackFile("prod").set("organization", breakGlassRoles(80)).load(),
                PolicyFiles.inProjectRoot()).orElseThrow().serviceControlPolicy().parts().size();
        assertTrue(error.getMessage().startsWith("deletion-guard:serviceControlPolicy.targets[0].alreadyAttached: 9 SCPs on r-pr0d"
                + " plus this program's " + parts + " parts make " + (9 + parts) + "; AWS allows 10"), error.getMessage());
        assertEquals(List.of(), run.resources(), "nothing may be registered");
    }

    @Test
    void aStatementTooLargeForAnyPolicyIsRefusedBeforeAnythingIsRegistered() {
        OfflineEngine.Run run = withBreakGlassRoles(300, 1);

        InvalidPolicyException error = rootCause(run, InvalidPolicyException.class);
        assertTrue(error.getMessage().startsWith("policy/" + ServiceControlPolicyDocument.FILE + ": statement "), error.getMessage());
        assertTrue(error.getMessage().contains("AWS accepts at most 10240"), error.getMessage());
        assertEquals(List.of(), run.resources(), "nothing may be registered");
    }

    @Test
    void aFileThatDoesNotParseNamesItselfAndThePositionAndRegistersNothing(@TempDir Path folder) throws IOException {
        OfflineEngine.Run run = withReviewedFile(folder, ServiceControlPolicyDocument.FILE, """
                {
                  "Version": "2012-10-17",
                  "Statement": [ { "Sid": "Missing comma" "Effect": "Deny" } ]
                }
                """);

        InvalidPolicyException error = rootCause(run, InvalidPolicyException.class);
        assertTrue(error.getMessage().startsWith(folder.resolve(ServiceControlPolicyDocument.FILE) + ": not valid JSON"),
                error.getMessage());
        assertTrue(error.getMessage().contains("line 3 column"), error.getMessage());
        assertEquals(List.of(), run.resources(), "nothing may be registered");
    }

    @Test
    void anRcpLargerThanAwsAcceptsIsRefusedBeforeAnythingIsRegistered(@TempDir Path folder) throws IOException {
        String actions = String.join(", ", IntStream.range(0, 400).mapToObj(i -> "\"kms:Action" + i + "\"").toList());
        OfflineEngine.Run run = withReviewedFile(folder, ResourceControlPolicyDocument.FILE, """
                {"Version": "2012-10-17", "Statement": [{"Sid": "Large", "Effect": "Deny", "Principal": "*", "Action": [%s],
                  "Resource": "*", "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "{{organizationId}}"}}}]}"""
                .formatted(actions));

        InvalidPolicyException error = rootCause(run, InvalidPolicyException.class);
        assertTrue(error.getMessage().startsWith(folder.resolve(ResourceControlPolicyDocument.FILE) + " renders to "), error.getMessage());
        assertTrue(error.getMessage().contains("AWS accepts at most 5120 in a resource control policy"), error.getMessage());
        assertEquals(List.of(), run.resources(), "nothing may be registered");
    }

    /** Deploys prod with every reviewed document as it is but one, so only that one can stop the run. */
    private static OfflineEngine.Run withReviewedFile(Path folder, String fileName, String text) throws IOException {
        try (var files = Files.list(Path.of("policy"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, folder.resolve(file.getFileName().toString()));
            }
        }
        Files.writeString(folder.resolve(fileName), text);
        GuardConfig config = stackConfig("prod", Map.of());
        return OfflineEngine.run("deletion-guard", "prod", Map.of(), Set.of(),
                ctx -> DeletionGuardStack.deploy(ctx, config, new PolicyFiles(folder)));
    }

    private static String breakGlassRoles(int count) {
        String roles = String.join(", ", IntStream.range(0, count).mapToObj(i -> "\"/emergency/Responder" + i + "\"").toList());
        return """
                {"id": "o-pr0dorg7x2k", "managementAccount": {"id": "111111111111", "name": "management"},
                 "breakGlassRoles": [%s]}""".formatted(roles);
    }

    private static OfflineEngine.Run withBreakGlassRoles(int count, int alreadyAttached) {
        return withBreakGlassRolesConfig(count, alreadyAttached).run();
    }

    private static ConfigBuilder withBreakGlassRolesConfig(int count, int alreadyAttached) {
        // Remediation off: its rule's pattern lists the break-glass roles too and would outgrow EventBridge's limit first.
        // Without the approval, so the parts hold the reviewed statements only.
        return ConfigBuilder.stackFile("prod").remove("approvedDeletions")
                .set("remediation", """
                        {"cancelKeyDeletion": false, "restoreSecret": false}""")
                .set("organization", breakGlassRoles(count))
                .set("serviceControlPolicy", """
                        {"rollout": "full", "minimumWindowDays": 14, "targets": [{"id": "r-pr0d", "alreadyAttached": %d}]}"""
                        .formatted(alreadyAttached));
    }

    /** The documents of a type the run registers, in registration order (the SCP's parts in order). */
    private static List<String> registered(OfflineEngine.Run run, String type) {
        return Deployments.ofType(run, POLICY_TYPE).stream().filter(policy -> policy.input("type").equals(type))
                .map(policy -> policy.input("content")).toList();
    }

    private static JsonObject scp(GuardConfig config) {
        return JsonParser.parseString(OrganizationPolicies.renderFor(config, PolicyFiles.inProjectRoot()).orElseThrow()
                .serviceControlPolicy().first()).getAsJsonObject();
    }

    private static List<String> reviewedSids() throws IOException {
        return JsonParser.parseString(Files.readString(Path.of("policy", ServiceControlPolicyDocument.FILE))).getAsJsonObject()
                .getAsJsonArray("Statement").asList().stream().map(statement -> statement.getAsJsonObject().get("Sid").getAsString())
                .toList();
    }

    private static Map<String, String> strings(JsonObject object) {
        return object.asMap().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().getAsString()));
    }

    private static List<String> strings(JsonArray array) {
        return array.asList().stream().map(JsonElement::getAsString).toList();
    }

    private static JsonObject statement(JsonObject document, String sid) {
        return document.getAsJsonArray("Statement").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(statement -> statement.get("Sid").getAsString().equals(sid)).findFirst().orElseThrow();
    }

    /** The engine reports one failure in several wrappings; any of them may carry the cause. */
    private static <T extends Throwable> T rootCause(OfflineEngine.Run run, Class<T> type) {
        for (Throwable error : run.errors()) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (type.isInstance(cause)) {
                    return type.cast(cause);
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + run.errors());
    }

    private static GuardConfig stackConfig(String stack, Map<String, String> overrides) {
        ConfigBuilder config = ConfigBuilder.stackFile(stack);
        overrides.forEach(config::set);
        return config.load();
    }
}
