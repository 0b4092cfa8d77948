package io.github.deletionguard.config;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack configuration as far as it could be read. A section or list entry that could not
 * be read (missing, or written as the wrong type) is empty, and reading has reported why;
 * validation checks what is there, so one run reports every problem but not the follow-on
 * problems of a part that could not be read. The {@link GuardConfig} is built from it only when
 * nothing was reported.
 *
 * @param accounts             empty when {@code accounts} is missing or no list; an entry is empty when it could not be read
 * @param criticalKeys         empty when the key is set but no list; unset, it is an empty list (no keys)
 * @param alarmSettingsByMode  the modes whose settings could be read
 * @param serviceControlPolicy empty when the stack deploys no SCP, or when its section could not be read
 * @param memberBaseline       empty when its section could not be read; unset, every account is on providers
 * @param approvedDeletions    empty when the key is set but no list; unset, it is an empty list
 * @param evaluatedOn          the date (UTC) the run judges approval dates by
 * @param pipelineRoles        the role ARNs as written; empty when the key is set but no list of texts
 */
public record PartialConfig(
        Optional<AlarmMode> alarmMode,
        String resourcePrefix,
        Optional<List<String>> defaultRegions,
        Optional<Organization> organization,
        Optional<SecurityAccount> securityAccount,
        Optional<List<Optional<MemberAccount>>> accounts,
        Map<AlarmMode, AlarmSettings> alarmSettingsByMode,
        Optional<List<Optional<CriticalKeyDefinition>>> criticalKeys,
        Optional<List<Optional<CriticalSecretDefinition>>> criticalSecrets,
        Optional<ServiceControlPolicySettings> serviceControlPolicy,
        Optional<StackScope> stackScope,
        Optional<RemediationSettings> remediation,
        Optional<MemberBaseline> memberBaseline,
        Optional<List<Optional<ApprovedDeletion>>> approvedDeletions,
        Optional<List<Optional<EphemeralScope>>> ephemeralScopes,
        LocalDate evaluatedOn,
        Optional<List<String>> pipelineRoles) {

    public PartialConfig {
        accounts = accounts.map(List::copyOf);
        alarmSettingsByMode = Collections.unmodifiableMap(alarmSettingsByMode.isEmpty()
                ? new EnumMap<>(AlarmMode.class) : new EnumMap<>(alarmSettingsByMode));
        criticalKeys = criticalKeys.map(List::copyOf);
        criticalSecrets = criticalSecrets.map(List::copyOf);
        approvedDeletions = approvedDeletions.map(List::copyOf);
        ephemeralScopes = ephemeralScopes.map(List::copyOf);
        pipelineRoles = pipelineRoles.map(List::copyOf);
    }

    /** The pipeline roles that parse, by their index; the others validation reports. */
    public Optional<List<Optional<PipelineRole>>> parsedPipelineRoles() {
        return pipelineRoles.map(roles -> roles.stream().map(PipelineRole::parse).toList());
    }

    /** Every account, when the list and each of its entries could be read: relations need all of them. */
    public Optional<List<MemberAccount>> completeAccounts() {
        return accounts.flatMap(PartialConfig::complete);
    }

    /** Every critical key, when each entry could be read. */
    public Optional<List<CriticalKeyDefinition>> completeCriticalKeys() {
        return criticalKeys.flatMap(PartialConfig::complete);
    }

    /** The validated model; empty when a part could not be read (which reading has reported). */
    public Optional<GuardConfig> toGuardConfig() {
        Optional<List<MemberAccount>> allAccounts = completeAccounts();
        Optional<List<CriticalKeyDefinition>> keys = completeCriticalKeys();
        Optional<List<CriticalSecretDefinition>> secrets = criticalSecrets.flatMap(PartialConfig::complete);
        Optional<List<ApprovedDeletion>> approvals = approvedDeletions.flatMap(PartialConfig::complete);
        Optional<List<EphemeralScope>> scopes = ephemeralScopes.flatMap(PartialConfig::complete);
        Optional<List<PipelineRole>> pipelines = parsedPipelineRoles().flatMap(PartialConfig::complete);
        boolean everyModeRead = Arrays.stream(AlarmMode.values()).allMatch(alarmSettingsByMode::containsKey);
        if (!everyModeRead || alarmMode.isEmpty() || defaultRegions.isEmpty() || organization.isEmpty()
                || securityAccount.isEmpty() || allAccounts.isEmpty() || keys.isEmpty() || secrets.isEmpty()
                || stackScope.isEmpty() || remediation.isEmpty() || memberBaseline.isEmpty() || approvals.isEmpty()
                || scopes.isEmpty() || pipelines.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GuardConfig(alarmMode.get(), resourcePrefix, defaultRegions.get(), organization.get(),
                securityAccount.get(), allAccounts.get(), alarmSettingsByMode, new CriticalResources(keys.get(), secrets.get()),
                serviceControlPolicy, stackScope.get(), remediation.get(), memberBaseline.get(),
                new DeletionExceptions(approvals.get(), scopes.get(), evaluatedOn), pipelines.get()));
    }

    private static <T> Optional<List<T>> complete(List<Optional<T>> entries) {
        return entries.stream().allMatch(Optional::isPresent)
                ? Optional.of(entries.stream().map(Optional::get).toList())
                : Optional.empty();
    }
}
