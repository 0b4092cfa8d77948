package io.github.deletionguard.prevention;

import com.pulumi.aws.organizations.Policy;
import com.pulumi.aws.organizations.PolicyAttachment;
import com.pulumi.resources.CustomResource;
import com.google.gson.JsonParser;
import com.pulumi.resources.ComponentResourceOptions;
import io.github.deletionguard.config.InvalidConfigException;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.plan.PlannedResource.ProviderTarget;
import io.github.deletionguard.testing.Deployments;
import io.github.deletionguard.testing.ConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SCP and its attachments as the program registers them, under the mock engine. */
class OrganizationGuardrailTest {
    private static final Class<? extends CustomResource> POLICY = Policy.class;
    private static final Class<? extends CustomResource> ATTACHMENT = PolicyAttachment.class;
    private static final ProviderTarget PROD_MANAGEMENT = new ProviderTarget("111111111111", "us-east-1");

    @Test
    void prodCreatesBothPoliciesInTheManagementAccountAndAttachesThemToTheRoot() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");

        PlannedResource scp = named(run, "organization-guardrail-policy");
        assertEquals("deletion-guard-deny-key-and-secret-deletion", scp.input("name"));
        assertEquals("SERVICE_CONTROL_POLICY", scp.input("type"));
        PlannedResource rcp = named(run, "organization-guardrail-rcp");
        assertEquals(ResourceNames.of(ConfigBuilder.stackFile("prod").load()).resourceControlPolicy(), rcp.input("name"));
        assertEquals("deletion-guard-protect-keys-and-secrets", rcp.input("name"));
        assertEquals("RESOURCE_CONTROL_POLICY", rcp.input("type"));
        assertEquals(List.of(scp, rcp), Deployments.ofType(run, POLICY), "one SCP part and one RCP");
        assertEquals(List.of("organization-guardrail-attach-r-pr0d", "organization-guardrail-rcp-attach-r-pr0d"),
                Deployments.ofType(run, ATTACHMENT).stream().map(PlannedResource::name).toList());
        assertEquals(List.of("r-pr0d", "r-pr0d"), targetIds(run));
        for (Class<? extends CustomResource> type : List.of(POLICY, ATTACHMENT)) {
            Deployments.ofType(run, type).forEach(resource ->
                    assertEquals(PROD_MANAGEMENT, resource.provider().orElseThrow(), resource.name()));
        }
    }

    /** The management account is bound by no SCP: Pulumi's protect is what stands between a config slip and a detached guardrail. */
    @Test
    void everyPolicyAndAttachmentIsProtectedAndRetained() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");

        for (Class<? extends CustomResource> type : List.of(POLICY, ATTACHMENT)) {
            Deployments.ofType(run, type).forEach(resource -> {
                assertTrue(resource.protect(), resource.name() + " is protected");
                assertTrue(resource.retainOnDelete(), resource.name() + " is retained");
            });
        }
    }

    /** The SCP and its attachment keep the URNs they had before the RCP and the splitting came. */
    @Test
    void theServiceControlPolicyKeepsItsLogicalNamesAndTypeTokens() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");

        assertEquals("urn:pulumi:prod::deletion-guard::pulumi:pulumi:Stack$" + OrganizationGuardrail.TYPE + "$aws:organizations/policy:Policy::"
                + "organization-guardrail-policy", named(run, "organization-guardrail-policy").urn());
        assertEquals("urn:pulumi:prod::deletion-guard::pulumi:pulumi:Stack$" + OrganizationGuardrail.TYPE + "$aws:organizations/policyAttachment:"
                + "PolicyAttachment::organization-guardrail-attach-r-pr0d", named(run, "organization-guardrail-attach-r-pr0d").urn());
    }

    @Test
    void theManagementProviderMayActInTheManagementAccountOnly() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");

        PlannedResource provider = run.resources().stream()
                .filter(resource -> resource.isProvider() && resource.name().equals("aws-management-us-east-1"))
                .findFirst().orElseThrow();
        // The SDK sends a provider's list and object inputs as JSON text.
        assertEquals(JsonParser.parseString("[\"111111111111\"]"), JsonParser.parseString(provider.input("allowedAccountIds")));
        assertEquals("arn:aws:iam::111111111111:role/OrganizationAccountAccessRole",
                JsonParser.parseString(provider.input("assumeRole")).getAsJsonObject().get("roleArn").getAsString());
        assertEquals("us-east-1", provider.input("region"));
    }

    @Test
    void stagingAttachesToItsTestOuOnly() {
        OfflineEngine.Run run = Deployments.ofStackFile("staging");

        assertEquals(new ProviderTarget("210987654321", "us-east-1"),
                named(run, "organization-guardrail-policy").provider().orElseThrow());
        assertEquals(List.of("ou-st4g-t3stacc7", "ou-st4g-t3stacc7"), targetIds(run));
    }

    @Test
    void everyTargetGetsOneAttachmentNamedByItsIdWhateverTheOrder() {
        String targets = """
                [{"id": "r-pr0d", "alreadyAttached": 2}, {"id": "ou-pr0d-w0rkl0ad", "alreadyAttached": 1},
                 {"id": "444444444444", "alreadyAttached": 1}]""";
        String reversed = """
                [{"id": "444444444444", "alreadyAttached": 1}, {"id": "ou-pr0d-w0rkl0ad", "alreadyAttached": 1},
                 {"id": "r-pr0d", "alreadyAttached": 2}]""";

        OfflineEngine.Run run = withTargets(targets);
        OfflineEngine.Run reorderedRun = withTargets(reversed);

        assertEquals(Set.of("organization-guardrail-attach-r-pr0d", "organization-guardrail-attach-ou-pr0d-w0rkl0ad",
                        "organization-guardrail-attach-444444444444", "organization-guardrail-rcp-attach-r-pr0d",
                        "organization-guardrail-rcp-attach-ou-pr0d-w0rkl0ad", "organization-guardrail-rcp-attach-444444444444"),
                Set.copyOf(Deployments.ofType(run, ATTACHMENT).stream().map(PlannedResource::name).toList()));
        assertEquals(Set.copyOf(urns(run, ATTACHMENT)), Set.copyOf(urns(reorderedRun, ATTACHMENT)),
                "reordering targets must not replace attachments");
    }

    @Test
    void policyAndAttachmentsAreChildrenOfOneGuardrailComponent() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");

        List<PlannedResource> components = Deployments.components(run, OrganizationGuardrail.TYPE);
        assertEquals(1, components.size());
        PlannedResource component = components.get(0);
        assertEquals("organization-guardrail", component.name());
        for (Class<? extends CustomResource> type : List.of(POLICY, ATTACHMENT)) {
            Deployments.ofType(run, type).forEach(child ->
                    assertEquals(component.urn(), child.parent().orElseThrow(), child.name()));
        }
    }

    @Test
    void stackOutputsThePolicyIdsAndTheMinifiedDocuments() {
        OfflineEngine.Run run = Deployments.ofStackFile("prod");

        // Under the mock engine a resource's id is its name; in AWS it is the p-... id.
        assertEquals("deletion-guard-deny-key-and-secret-deletion", run.outputs().get("serviceControlPolicyId"));
        assertEquals(named(run, "organization-guardrail-policy").input("content"), run.outputs().get("serviceControlPolicyDocument"));
        assertEquals("deletion-guard-protect-keys-and-secrets", run.outputs().get("resourceControlPolicyId"));
        assertEquals(named(run, "organization-guardrail-rcp").input("content"), run.outputs().get("resourceControlPolicyDocument"));
        assertFalse(run.outputs().containsKey("serviceControlPolicyDocuments"), "a policy that fits is not split");
    }

    @Test
    void aStackWithoutTheSectionDeploysNoPolicyAndNoOrganizationsProvider() {
        OfflineEngine.Run run = Deployments.of(ConfigBuilder.sample().load());

        assertEquals(List.of(), Deployments.ofType(run, POLICY));
        assertEquals(List.of(), Deployments.ofType(run, ATTACHMENT));
        assertTrue(run.resources().stream().noneMatch(resource -> resource.name().endsWith("-us-east-1")),
                "no provider for the Organizations API");
        assertFalse(run.outputs().containsKey("serviceControlPolicyId"));
    }

    @Test
    void aBadSectionRegistersNothingAtAll() {
        OfflineEngine.Run run = withTargets("""
                [{"id": "r-pr0d", "alreadyAttached": 10}]""");

        assertEquals(List.of(), run.resources());
        assertTrue(run.errors().stream().anyMatch(error -> causedBy(error, InvalidConfigException.class)), run.errors().toString());
    }

    @Test
    void refusesToRunWithoutAProvider() {
        ServiceControlPolicyDocument scp = new ServiceControlPolicyDocument(List.of("{}"));
        ResourceControlPolicyDocument rcp = new ResourceControlPolicyDocument("{}");
        ResourceNames names = ResourceNames.of(ConfigBuilder.stackFile("prod").load());

        OfflineEngine.Run run = OfflineEngine.run("deletion-guard", "test", Map.of(), Set.of(), ctx ->
                new OrganizationGuardrail("guardrail", new OrganizationGuardrailArgs(null, names, scp, rcp, List.of("r-ab12")),
                        ComponentResourceOptions.builder().build()));

        assertTrue(run.errors().stream().anyMatch(error -> String.valueOf(error.getMessage())
                .contains("needs an explicit account provider")), run.errors().toString());
        assertEquals(List.of(), Deployments.ofType(run, POLICY));
    }

    private static OfflineEngine.Run withTargets(String targets) {
        return ConfigBuilder.stackFile("prod").set("serviceControlPolicy", """
                {"rollout": "full", "minimumWindowDays": 14, "targets": %s}""".formatted(targets)).run();
    }

    private static PlannedResource named(OfflineEngine.Run run, String name) {
        return run.resources().stream().filter(resource -> resource.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource " + name));
    }

    private static List<String> targetIds(OfflineEngine.Run run) {
        return Deployments.ofType(run, ATTACHMENT).stream().map(attachment -> attachment.input("targetId")).toList();
    }

    private static List<String> urns(OfflineEngine.Run run, Class<? extends CustomResource> type) {
        return Deployments.ofType(run, type).stream().map(PlannedResource::urn).toList();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
