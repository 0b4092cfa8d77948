package io.github.deletionguard.prevention;

import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.documents.InvalidPolicyException;
import io.github.deletionguard.documents.PolicyTemplate;

import java.util.Map;
import java.util.Set;

/**
 * The organization guardrail's RCP exactly as AWS receives it. SCPs bind only the organization's
 * own principals; an RCP binds the resources, so a key or secret shared with an account outside
 * the organization still cannot be deleted or reconfigured from there. Deployed with the SCP,
 * to the same targets.
 *
 * @param text the minified document
 */
public record ResourceControlPolicyDocument(String text) {
    public static final String FILE = "rcp-protect-keys-and-secrets.json";
    /** AWS Organizations quota "Maximum size of a resource control policy": 5,120 characters, whitespace included. */
    public static final int MAX_CHARACTERS = 5_120;

    /** The statement that denies deletion without recovery to everyone: ephemeral OUs' own secrets are let off it. */
    static final String NO_DELETION_WITHOUT_RECOVERY_SID = "NoSecretDeletionWithoutRecovery";

    static ResourceControlPolicyDocument render(PolicyTemplate template, GuardConfig config, DeletionExemptions exemptions) {
        String text = PolicyTemplate.minify(exemptions.liftForEphemeral(template.fill(Map.of("organizationId", config.organization().id())),
                Set.of(NO_DELETION_WITHOUT_RECOVERY_SID), DeletionExemptions.RESOURCE_ORG_PATHS));
        if (text.length() > MAX_CHARACTERS) {
            throw new InvalidPolicyException(template.source() + " renders to " + text.length()
                    + " characters, minified; AWS accepts at most " + MAX_CHARACTERS
                    + " in a resource control policy. Fix: shorten the reviewed document's action lists.");
        }
        return new ResourceControlPolicyDocument(text);
    }
}
