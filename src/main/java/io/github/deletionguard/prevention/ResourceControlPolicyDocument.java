package io.github.deletionguard.prevention;

import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.documents.InvalidPolicyException;
import io.github.deletionguard.documents.PolicyTemplate;

import java.util.Map;

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

    static ResourceControlPolicyDocument render(PolicyTemplate template, GuardConfig config) {
        String text = template.render(Map.of("organizationId", config.organization().id()));
        if (text.length() > MAX_CHARACTERS) {
            throw new InvalidPolicyException(template.source() + " renders to " + text.length()
                    + " characters, minified; AWS accepts at most " + MAX_CHARACTERS
                    + " in a resource control policy. Fix: shorten the reviewed document's action lists.");
        }
        return new ResourceControlPolicyDocument(text);
    }
}
