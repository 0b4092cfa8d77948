package io.github.deletionguard.prevention;

import com.pulumi.aws.organizations.Policy;
import com.pulumi.resources.CustomResource;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.DeletionGuardStack;
import io.github.deletionguard.naming.Tags;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.documents.InvalidPolicyException;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rendered SCP of each stack: reviewed as golden files, minified, and refused when AWS would refuse it. */
class ServiceControlPolicyDocumentTest {
    private static final Class<? extends CustomResource> POLICY_TYPE = Policy.class;

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod"})
    void registeredDocumentMatchesTheReviewedGoldenFile(String stack) {
        OfflineEngine.Run run = Deployments.ofStackFile(stack);
        String registered = Deployments.ofType(run, POLICY_TYPE).get(0).input("content");

        GoldenFiles.assertMatches("orgpolicy/" + stack + "/" + ServiceControlPolicyDocument.FILE, registered);
        assertEquals(registered, run.outputs().get("serviceControlPolicyDocument"), "the stack output is the same document");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "prod"})
    void documentIsMinifiedAndWithinTheSizeAwsAccepts(String stack) {
        String registered = Deployments.ofType(Deployments.ofStackFile(stack), POLICY_TYPE).get(0).input("content");

        assertEquals(JsonParser.parseString(registered).toString(), registered, "no whitespace between tokens");
        assertTrue(registered.length() <= ServiceControlPolicyDocument.MAX_CHARACTERS,
                stack + " renders " + registered.length() + " characters");
    }

    @Test
    void tagConditionNamesTheTagEveryProviderApplies() {
        JsonObject document = JsonParser.parseString(ServiceControlPolicyDocument.renderFor(
                stackConfig("prod", Map.of()), PolicyFiles.inProjectRoot()).orElseThrow().text()).getAsJsonObject();

        JsonObject byTag = statement(document, "ProtectGuardrailsByTag");
        assertEquals(Map.of("aws:ResourceTag/" + Tags.MANAGED_BY_TAG, Tags.MANAGED_BY_VALUE),
                byTag.getAsJsonObject("Condition").getAsJsonObject("StringEquals").asMap().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().getAsString())));
    }

    @Test
    void guardrailNamesFollowTheResourcePrefix() {
        JsonObject document = JsonParser.parseString(ServiceControlPolicyDocument.renderFor(
                        stackConfig("prod", Map.of("resourcePrefix", "acme-guard")), PolicyFiles.inProjectRoot())
                .orElseThrow().text()).getAsJsonObject();

        List<String> resources = statement(document, "ProtectGuardrailsByName").getAsJsonArray("Resource").asList().stream()
                .map(JsonElement::getAsString).toList();
        assertTrue(resources.contains("arn:aws:events:*:*:rule/acme-guard-*"), resources.toString());
        assertTrue(resources.stream().noneMatch(arn -> arn.contains("deletion-guard")), resources.toString());
    }

    /** Prod's document as it was before its approval, and as it is again once the approval expires. */
    @Test
    void prodWithoutApprovalsMatchesItsGoldenFile() {
        String text = ServiceControlPolicyDocument.renderFor(ConfigBuilder.stackFile("prod").remove("approvedDeletions").load(),
                PolicyFiles.inProjectRoot()).orElseThrow().text();

        GoldenFiles.assertMatches("orgpolicy/prod/scp-without-approvals.json", text);
    }

    @Test
    void approvalsThatOverflowTheSizeLimitAreRefusedNamingTheirShare() {
        // Thirty approvals, each its own role and date: each adds three statements.
        StringBuilder approvals = new StringBuilder("[");
        for (int i = 0; i < 30; i++) {
            approvals.append(i == 0 ? "" : ",").append("""
                    {"resource":"arn:aws:secretsmanager:eu-central-1:444444444444:secret:ci/pr-%d/*","until":"2026-12-%02d",
                     "ticket":"CHG-%d","approvedBy":"cab","reason":"teardown","principal":"arn:aws:iam::444444444444:role/ci/pr-%d"}"""
                    .formatted(i, 3 + i % 28, i, i));
        }
        OfflineEngine.Run run = ConfigBuilder.stackFile("prod").set("approvedDeletions", approvals.append("]").toString()).run();

        InvalidPolicyException error = rootCause(run, InvalidPolicyException.class);
        assertTrue(error.getMessage().contains("of them for deletion-guard:approvedDeletions"), error.getMessage());
        assertTrue(error.getMessage().contains("AWS accepts at most 10240"), error.getMessage());
        assertEquals(List.of(), run.resources(), "nothing may be registered");
    }

    @Test
    void aStackWithoutTheSectionRendersNoDocument() {
        GuardConfig config = ConfigBuilder.stackFile("prod").remove("serviceControlPolicy").remove("approvedDeletions").load();

        assertEquals(Optional.empty(), ServiceControlPolicyDocument.renderFor(config, PolicyFiles.inProjectRoot()));
    }

    @Test
    void tooLargeADocumentIsRefusedBeforeAnythingIsRegistered() {
        // Each break-glass role appears in four statements; eighty of them overflow the limit.
        String roles = String.join(", ", IntStream.range(0, 80).mapToObj(i -> "\"/emergency/Responder" + i + "\"").toList());
        OfflineEngine.Run run = ConfigBuilder.stackFile("prod").set("organization", """
                {"id": "o-pr0dorg7x2k", "managementAccount": {"id": "111111111111", "name": "management"},
                 "breakGlassRoles": [%s]}""".formatted(roles)).run();

        InvalidPolicyException error = rootCause(run, InvalidPolicyException.class);
        assertTrue(error.getMessage().startsWith("policy/" + ServiceControlPolicyDocument.FILE + " renders to "), error.getMessage());
        assertTrue(error.getMessage().contains("AWS accepts at most 10240"), error.getMessage());
        assertEquals(List.of(), run.resources(), "nothing may be registered");
    }

    @Test
    void aFileThatDoesNotParseNamesItselfAndThePositionAndRegistersNothing(@TempDir Path folder) throws IOException {
        // Every other reviewed document as it is, so only the broken one can stop the run.
        try (var files = Files.list(Path.of("policy"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, folder.resolve(file.getFileName().toString()));
            }
        }
        Files.writeString(folder.resolve(ServiceControlPolicyDocument.FILE), """
                {
                  "Version": "2012-10-17",
                  "Statement": [ { "Sid": "Missing comma" "Effect": "Deny" } ]
                }
                """);
        GuardConfig config = stackConfig("prod", Map.of());

        OfflineEngine.Run run = OfflineEngine.run("deletion-guard", "prod", Map.of(), Set.of(),
                ctx -> DeletionGuardStack.deploy(ctx, config, new PolicyFiles(folder)));

        InvalidPolicyException error = rootCause(run, InvalidPolicyException.class);
        assertTrue(error.getMessage().startsWith(folder.resolve(ServiceControlPolicyDocument.FILE) + ": not valid JSON"),
                error.getMessage());
        assertTrue(error.getMessage().contains("line 3 column"), error.getMessage());
        assertEquals(List.of(), run.resources(), "nothing may be registered");
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
