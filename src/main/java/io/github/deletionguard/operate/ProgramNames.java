package io.github.deletionguard.operate;

import io.github.deletionguard.alarms.DeletionAlarm;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.detection.EventForwarding;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.remediation.Remediation;

import java.util.List;

/**
 * {@link GuardNames} read from the objects the program deploys from ({@link EventForwarding},
 * {@link Remediation}), prepared from the same config and policy files as {@code pulumi up}.
 */
public final class ProgramNames implements GuardNames {
    private final GuardConfig config;
    private final EventForwarding forwarding;

    private ProgramNames(GuardConfig config, EventForwarding forwarding) {
        this.config = config;
        this.forwarding = forwarding;
    }

    public static ProgramNames of(GuardConfig config, PolicyFiles policyFiles) {
        return new ProgramNames(config, EventForwarding.prepare(config, policyFiles,
                config.remediation().anyEnabled() ? java.util.Optional.of(Remediation.documentName(config.resourcePrefix()))
                        : java.util.Optional.empty()));
    }

    @Override
    public String hubTopic() {
        // Interim: DeletionGuardStack keeps this private; replaced by the naming authority.
        return config.resourcePrefix() + "-notifications";
    }

    @Override
    public String centralBus() {
        return forwarding.busName();
    }

    @Override
    public String forwardingRule() {
        return forwarding.forwardingRuleName();
    }

    @Override
    public List<String> notifyRules() {
        return forwarding.centralRules().stream().map(EventForwarding.CentralRule::name).toList();
    }

    @Override
    public String remediationRule() {
        // The remediation rule and its document share one name.
        return Remediation.documentName(config.resourcePrefix());
    }

    @Override
    public String remediationDocument() {
        return Remediation.documentName(config.resourcePrefix());
    }

    @Override
    public String alarm(DeletionAlarm alarm) {
        // Interim: DeletionAlarms builds this inline; replaced by the naming authority.
        return config.resourcePrefix() + "-" + alarm.id();
    }

    @Override
    public String serviceControlPolicy() {
        // Interim: OrganizationGuardrail builds this inline; replaced by the naming authority.
        return config.resourcePrefix() + "-deny-key-and-secret-deletion";
    }
}
