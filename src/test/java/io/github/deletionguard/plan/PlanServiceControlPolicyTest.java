package io.github.deletionguard.plan;

import io.github.deletionguard.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code plan} tells a reviewer about the organization's service control policy. */
class PlanServiceControlPolicyTest {
    private static final String NOTE = "note: the service control policy never binds the management account"
            + " or service-linked roles: the deletion alarms are what watches those.";

    @Test
    void prodPlanShowsThePolicyItsSizeAndAttachmentUnderTheManagementAccount() throws IOException {
        String plan = plan(Path.of(""), "prod");
        long scpSize = Files.size(Path.of("src/test/resources/golden/orgpolicy/prod/scp-deny-key-and-secret-deletion.json"));
        long rcpSize = Files.size(Path.of("src/test/resources/golden/orgpolicy/prod/rcp-protect-keys-and-secrets.json"));

        assertTrue(plan.contains(NOTE), plan);
        // The management account's us-east-1 also forwards its Organizations and IAM events (a rule and its target).
        int start = plan.indexOf("management (111111111111) us-east-1: 6 resources");
        assertTrue(start >= 0, plan);
        assertTrue(plan.substring(start).contains("""
                  aws:organizations/policy:Policy  organization-guardrail-policy
                      options: protect, retainOnDelete
                      name: deletion-guard-deny-key-and-secret-deletion
                      type: SERVICE_CONTROL_POLICY
                      content: %d characters of JSON (full text with --json)
                  aws:organizations/policyAttachment:PolicyAttachment  organization-guardrail-attach-r-pr0d
                      options: protect, retainOnDelete
                      targetId: r-pr0d
                  aws:organizations/policy:Policy  organization-guardrail-rcp
                      options: protect, retainOnDelete
                      name: deletion-guard-protect-keys-and-secrets
                      type: RESOURCE_CONTROL_POLICY
                      content: %d characters of JSON (full text with --json)
                  aws:organizations/policyAttachment:PolicyAttachment  organization-guardrail-rcp-attach-r-pr0d
                      options: protect, retainOnDelete
                      targetId: r-pr0d
                """.formatted(scpSize, rcpSize)), plan.substring(start));
    }

    @Test
    void aStackWithoutThePolicyHasNoNoteAboutIt(@TempDir Path projectRoot) throws IOException {
        Files.copy(Path.of("Pulumi.yaml"), projectRoot.resolve("Pulumi.yaml"));
        String staging = Files.readString(Path.of("Pulumi.staging.yaml"));
        int section = staging.indexOf("  deletion-guard:serviceControlPolicy:");
        assertTrue(section > 0, "the staging stack file configures the policy");
        // The section is the last one in the file.
        Files.writeString(projectRoot.resolve("Pulumi.staging.yaml"), staging.substring(0, section));

        String plan = plan(projectRoot, "staging");

        assertFalse(plan.contains("service control policy"), plan);
        assertFalse(plan.contains("aws:organizations/"), plan);
    }

    private static String plan(Path projectRoot, String stack) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = TestPlans.onTestDay().run(new String[]{"plan", stack}, projectRoot,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
