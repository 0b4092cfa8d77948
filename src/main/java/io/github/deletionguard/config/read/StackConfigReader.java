package io.github.deletionguard.config.read;

import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.AlarmSettings;
import io.github.deletionguard.config.BreakGlassRole;
import io.github.deletionguard.config.ConfigIssues;
import io.github.deletionguard.config.ConfigKeys;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.LogGroupLocation;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.MemberBaseline;
import io.github.deletionguard.config.NamedAccount;
import io.github.deletionguard.config.NotificationEndpoint;
import io.github.deletionguard.config.Organization;
import io.github.deletionguard.config.PartialConfig;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.config.SecurityAccount;
import io.github.deletionguard.config.StackScope;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static io.github.deletionguard.config.read.ConfigNode.allRead;

/** Reads the top-level keys of the namespace into a {@link PartialConfig}, checking shape only. */
final class StackConfigReader {
    /** Every key of the namespace the program reads; any other is a mistake, never a setting to ignore. */
    static final List<String> KEYS = List.of("alarmMode", "resourcePrefix", "regions", "organization", "securityAccount",
            "accounts", "alarms", "criticalKeys", "criticalSecrets", "serviceControlPolicy", "stackScope", "remediation", "memberBaseline",
            "approvedDeletions", "ephemeralScopes", "pipelineRoles");

    private final Set<String> presentKeys;
    private final Function<String, Optional<String>> valueOf;
    private final ConfigIssues issues;
    private final LocalDate today;
    /** Required keys that are missing, with their fix; reported last, unless a misspelt key is them. */
    private final Map<String, String> missingKeys = new LinkedHashMap<>();

    /**
     * @param presentKeys every config key the stack sets, namespace included
     * @param valueOf     the raw value of a key of the namespace, by its name without namespace
     * @param today       the date (UTC) approval dates are judged by
     */
    StackConfigReader(Set<String> presentKeys, Function<String, Optional<String>> valueOf, ConfigIssues issues,
                      LocalDate today) {
        this.presentKeys = presentKeys;
        this.valueOf = valueOf;
        this.issues = issues;
        this.today = today;
    }

    PartialConfig read() {
        Optional<List<String>> defaultRegions = structured("regions").map(ConfigNode::texts).orElse(Optional.of(List.of()));
        CriticalResourcesReader critical = new CriticalResourcesReader(presentKeys);
        PartialConfig partial = new PartialConfig(
                readAlarmMode(),
                plain("resourcePrefix").flatMap(ConfigNode::text).orElse(GuardConfig.DEFAULT_RESOURCE_PREFIX),
                defaultRegions,
                readOrganization(),
                readSecurityAccount(),
                readAccounts(defaultRegions),
                readAlarmSettings(),
                structured("criticalKeys").map(list -> list.entries(critical::readKey)).orElse(Optional.of(List.of())),
                structured("criticalSecrets").map(list -> list.entries(critical::readSecret)).orElse(Optional.of(List.of())),
                structured("serviceControlPolicy").flatMap(ServiceControlPolicyReader::read),
                structured("stackScope").map(StackConfigReader::readStackScope).orElse(Optional.of(StackScope.wholeOrganization())),
                structured("remediation").map(StackConfigReader::readRemediation).orElse(Optional.of(RemediationSettings.off())),
                structured("memberBaseline").map(section -> MemberBaselineReader.read(section, defaultRegions))
                        .orElse(defaultRegions.map(MemberBaseline::providers)),
                structured("approvedDeletions").map(list -> list.entries(DeletionExceptionsReader::readApproval))
                        .orElse(Optional.of(List.of())),
                structured("ephemeralScopes").map(list -> list.entries(DeletionExceptionsReader::readScope))
                        .orElse(Optional.of(List.of())),
                today,
                structured("pipelineRoles").map(ConfigNode::texts).orElse(Optional.of(List.of())));
        Set<String> meant = reportUnknownKeys(critical.valueKeys());
        // A misspelt key is one mistake: "did you mean alarmMode?" already says that alarmMode is missing.
        missingKeys.forEach((key, fix) -> {
            if (!meant.contains(key)) {
                issues.add(key, "is missing.", fix);
            }
        });
        return partial;
    }

    /**
     * Pulumi hands the program every key of the stack file; a misspelt one would otherwise leave
     * a default in force. Returns the keys the unknown ones most likely mean.
     */
    private Set<String> reportUnknownKeys(Set<String> valueKeys) {
        List<String> known = KEYS.stream().map(ConfigKeys::qualified).toList();
        Set<String> meant = new HashSet<>();
        presentKeys.stream().filter(ConfigKeys::isInNamespace).sorted().forEach(key -> {
            String name = ConfigKeys.unqualified(key);
            if (!KEYS.contains(name) && !valueKeys.contains(name)) {
                UnknownNames.report(issues, key, key, known, "key");
                UnknownNames.closest(key, known).ifPresent(meant::add);
            }
        });
        return meant;
    }

    private void missing(String key, String fix) {
        missingKeys.put(ConfigKeys.qualified(key), fix);
    }

    private Optional<ConfigNode> structured(String key) {
        return valueOf.apply(key).flatMap(raw -> ConfigNode.structured(ConfigKeys.qualified(key), raw, issues));
    }

    private Optional<ConfigNode> plain(String key) {
        return valueOf.apply(key).map(raw -> ConfigNode.plain(ConfigKeys.qualified(key), raw, issues));
    }

    private Optional<ConfigNode> requiredSection(String key, String fix) {
        Optional<ConfigNode> section = structured(key);
        if (section.isEmpty() && valueOf.apply(key).isEmpty()) {
            missing(key, fix);
        }
        return section;
    }

    private Optional<AlarmMode> readAlarmMode() {
        String fix = "set it to access-only or any-deletion.";
        Optional<String> written = plain("alarmMode").flatMap(ConfigNode::text);
        if (written.isEmpty()) {
            missing("alarmMode", fix);
            return Optional.empty();
        }
        Optional<AlarmMode> mode = AlarmMode.fromConfigValue(written.get());
        if (mode.isEmpty()) {
            issues.add(ConfigKeys.qualified("alarmMode"), "'" + written.get() + "' is not a mode.", fix);
        }
        return mode;
    }

    private Optional<Organization> readOrganization() {
        return requiredSection("organization", "add organization: {id, managementAccount: {id, name}, breakGlassRoles}.")
                .flatMap(section -> section.object("write organization as a map.")).flatMap(node -> {
                    node.allowOnlyFields("id", "managementAccount", "accessRoleName", "breakGlassRoles", "provisionerRoles");
                    Optional<String> id = node.required("id",
                            "set the organization id (o-...), shown by 'aws organizations describe-organization'.",
                            ConfigNode::text);
                    Optional<NamedAccount> management = node.required("managementAccount",
                            "add managementAccount: {id: \"<12 digits>\", name: management}.",
                            account -> readNamedAccount(account, "management"));
                    Optional<String> accessRole = node.withDefault("accessRoleName", ConfigNode::text,
                            Organization.DEFAULT_ACCESS_ROLE);
                    Optional<List<BreakGlassRole>> breakGlass = node.withDefault("breakGlassRoles",
                            StackConfigReader::readRoles, List.of());
                    Optional<List<BreakGlassRole>> provisioners = node.withDefault("provisionerRoles",
                            StackConfigReader::readRoles, List.of());
                    return allRead(id, management, accessRole, breakGlass, provisioners)
                            ? Optional.of(new Organization(id.get(), management.get(), accessRole.get(), breakGlass.get(),
                            provisioners.get()))
                            : Optional.empty();
                });
    }

    private static Optional<List<BreakGlassRole>> readRoles(ConfigNode list) {
        return list.texts().map(roles -> roles.stream().map(BreakGlassRole::parse).toList());
    }

    private static Optional<NamedAccount> readNamedAccount(ConfigNode written, String defaultName) {
        return written.object("write the account as {id: \"<12 digits>\", name: <short name>}.").flatMap(node -> {
            node.allowOnlyFields("id", "name");
            Optional<String> id = node.requiredAccountId("id");
            Optional<String> name = node.withDefault("name", ConfigNode::text, defaultName);
            return allRead(id, name) ? Optional.of(new NamedAccount(id.get(), name.get())) : Optional.empty();
        });
    }

    private Optional<SecurityAccount> readSecurityAccount() {
        return requiredSection("securityAccount", "add securityAccount: {id, homeRegion, notificationEmails}.")
                .flatMap(section -> section.object("write securityAccount as a map.")).flatMap(node -> {
                    node.allowOnlyFields("id", "name", "homeRegion", "notificationEmails", "notificationEndpoints");
                    Optional<String> id = node.requiredAccountId("id");
                    Optional<String> name = node.withDefault("name", ConfigNode::text, "security");
                    Optional<String> homeRegion = node.required("homeRegion",
                            "set the region where the security account receives notifications.", ConfigNode::text);
                    Optional<List<String>> emails = node.withDefault("notificationEmails", ConfigNode::texts, List.of());
                    Optional<List<NotificationEndpoint>> endpoints = node.withDefault("notificationEndpoints",
                            list -> list.list(StackConfigReader::readNotificationEndpoint), List.of());
                    return allRead(id, name, homeRegion, emails, endpoints)
                            ? Optional.of(new SecurityAccount(new NamedAccount(id.get(), name.get()), homeRegion.get(),
                            emails.get(), endpoints.get()))
                            : Optional.empty();
                });
    }

    private static Optional<NotificationEndpoint> readNotificationEndpoint(ConfigNode written) {
        return written.object("write each endpoint as {protocol: https|sqs|lambda, endpoint: <URL or ARN>}.").flatMap(node -> {
            node.allowOnlyFields("protocol", "endpoint", "rawMessageDelivery");
            Optional<String> protocol = node.required("protocol", "set it to https, sqs or lambda.", ConfigNode::text);
            Optional<String> endpoint = node.required("endpoint",
                    "set the https URL, or the ARN of the SQS queue or Lambda function.", ConfigNode::text);
            Optional<Boolean> raw = node.withDefault("rawMessageDelivery", ConfigNode::bool, false);
            return allRead(protocol, endpoint, raw)
                    ? Optional.of(new NotificationEndpoint(protocol.get(), endpoint.get(), raw.get()))
                    : Optional.empty();
        });
    }

    private Optional<List<Optional<MemberAccount>>> readAccounts(Optional<List<String>> defaultRegions) {
        return requiredSection("accounts", "list the accounts to guard, each with id and name.")
                .flatMap(list -> list.entries(element -> readAccount(element, defaultRegions)));
    }

    /** An account without regions of its own takes the stack-wide ones (and is unreadable when those are). */
    private static Optional<MemberAccount> readAccount(ConfigNode element, Optional<List<String>> defaultRegions) {
        return element.object("write each account as {id, name, regions, cloudTrailLogGroup}.").flatMap(node -> {
            node.allowOnlyFields("id", "name", "regions", "cloudTrailLogGroup", "organizationalUnit");
            Optional<String> id = node.requiredAccountId("id");
            Optional<String> name = node.required("name",
                    "give the account a short name (lowercase letters, digits, hyphens).", ConfigNode::text);
            Optional<List<String>> regions = node.optional("regions", ConfigNode::texts)
                    .flatMap(own -> own.isPresent() ? own : defaultRegions);
            Optional<Optional<LogGroupLocation>> logGroup = node.optional("cloudTrailLogGroup", StackConfigReader::readLogGroup);
            Optional<Optional<String>> unit = node.optional("organizationalUnit", ConfigNode::text);
            return allRead(id, name, regions, logGroup, unit)
                    ? Optional.of(new MemberAccount(new NamedAccount(id.get(), name.get()), regions.get(), logGroup.get(), unit.get()))
                    : Optional.empty();
        });
    }

    private static Optional<LogGroupLocation> readLogGroup(ConfigNode written) {
        return written.object("write cloudTrailLogGroup as {name, region}.").flatMap(node -> {
            node.allowOnlyFields("name", "region");
            Optional<String> name = node.required("name", "set the CloudWatch Logs log group the trail delivers to.",
                    ConfigNode::text);
            Optional<String> region = node.required("region", "set the region of that log group.", ConfigNode::text);
            return allRead(name, region) ? Optional.of(new LogGroupLocation(name.get(), region.get())) : Optional.empty();
        });
    }

    private static Optional<StackScope> readStackScope(ConfigNode written) {
        return written.object("write stackScope as {organizationalUnits, accounts, ownsCentralResources}.").flatMap(node -> {
            node.allowOnlyFields("organizationalUnits", "accounts", "ownsCentralResources");
            Optional<List<String>> units = node.withDefault("organizationalUnits", ConfigNode::texts, List.of());
            Optional<List<String>> names = node.withDefault("accounts", ConfigNode::texts, List.of());
            Optional<Boolean> ownsCentral = node.withDefault("ownsCentralResources", ConfigNode::bool, true);
            return allRead(units, names, ownsCentral)
                    ? Optional.of(new StackScope(units.get(), names.get(), ownsCentral.get()))
                    : Optional.empty();
        });
    }

    /**
     * Reads both modes' sections, so a stack switched to the other mode does not discover a bad
     * value only then. A mode whose section cannot be read is left out.
     */
    private Map<AlarmMode, AlarmSettings> readAlarmSettings() {
        Map<AlarmMode, AlarmSettings> settings = new EnumMap<>(AlarmMode.class);
        Optional<ConfigNode> written = structured("alarms");
        if (written.isPresent() && written.get().object("write alarms as a map from mode to settings.").isEmpty()) {
            return settings;
        }
        written.ifPresent(node -> node.allowOnlyFields(AlarmMode.ACCESS_ONLY.configValue(), AlarmMode.ANY_DELETION.configValue()));
        for (AlarmMode mode : AlarmMode.values()) {
            written.flatMap(node -> node.field(mode.configValue()))
                    .map(section -> readAlarmSection(section, mode))
                    .orElse(Optional.of(AlarmSettings.defaults()))
                    .ifPresent(read -> settings.put(mode, read));
        }
        return settings;
    }

    private static Optional<AlarmSettings> readAlarmSection(ConfigNode written, AlarmMode mode) {
        return written.object("write the settings as {periodSeconds, threshold, evaluationPeriods}.").flatMap(node -> {
            if (mode == AlarmMode.ANY_DELETION) {
                node.allowOnlyFields("periodSeconds", "threshold", "evaluationPeriods", "kmsErrorThreshold");
            } else {
                node.allowOnlyFields("periodSeconds", "threshold", "evaluationPeriods");
            }
            AlarmSettings defaults = AlarmSettings.defaults();
            Optional<Integer> period = node.withDefault("periodSeconds", ConfigNode::wholeNumber, defaults.periodSeconds());
            Optional<Double> threshold = node.withDefault("threshold", ConfigNode::decimal, defaults.threshold());
            Optional<Integer> evaluationPeriods = node.withDefault("evaluationPeriods", ConfigNode::wholeNumber,
                    defaults.evaluationPeriods());
            Optional<Double> kmsErrorThreshold = node.withDefault("kmsErrorThreshold", ConfigNode::decimal,
                    defaults.kmsErrorThreshold());
            return allRead(period, threshold, evaluationPeriods, kmsErrorThreshold)
                    ? Optional.of(new AlarmSettings(period.get(), threshold.get(), evaluationPeriods.get(), kmsErrorThreshold.get()))
                    : Optional.empty();
        });
    }

    private static Optional<RemediationSettings> readRemediation(ConfigNode written) {
        return written.object("write remediation as {cancelKeyDeletion: true|false, restoreSecret: true|false}.").flatMap(node -> {
            node.allowOnlyFields("cancelKeyDeletion", "restoreSecret");
            Optional<Boolean> cancel = node.withDefault("cancelKeyDeletion", ConfigNode::bool, false);
            Optional<Boolean> restore = node.withDefault("restoreSecret", ConfigNode::bool, false);
            return allRead(cancel, restore) ? Optional.of(new RemediationSettings(cancel.get(), restore.get())) : Optional.empty();
        });
    }
}
