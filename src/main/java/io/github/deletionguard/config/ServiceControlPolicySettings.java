package io.github.deletionguard.config;

import java.util.List;

/**
 * The organization guardrail, from {@code deletion-guard:serviceControlPolicy}: an SCP that
 * leaves key and secret deletion to break-glass roles, attached to {@code targets}.
 *
 * @param minimumWindowDays the shortest KMS pending window and Secrets Manager recovery window
 *                          anyone, break-glass included, may ask for
 */
public record ServiceControlPolicySettings(PolicyRollout rollout, int minimumWindowDays, List<PolicyTarget> targets) {

    public ServiceControlPolicySettings {
        targets = List.copyOf(targets);
    }
}
