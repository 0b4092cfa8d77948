package io.github.deletionguard.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@code Pulumi.<stack>.yaml} values (as Pulumi hands them to the program) into a
 * {@link GuardConfig}, then validates the whole of it. Reading and validating both collect
 * issues; nothing is returned unless there are none, so a bad config deploys nothing.
 */
public final class StackConfigLoader {
    public static final String NAMESPACE = "deletion-guard";

    private final Function<String, Optional<String>> projectConfig;
    private final ConfigIssues issues = new ConfigIssues();

    private StackConfigLoader(Function<String, Optional<String>> projectConfig) {
        this.projectConfig = projectConfig;
    }

    /**
     * @param stackName     names the stack file in error messages
     * @param projectConfig the value of a key in the {@code deletion-guard} namespace, as Pulumi's
     *                      {@code Config.get} returns it (structured values arrive as JSON text)
     */
    public static GuardConfig load(String stackName, Function<String, Optional<String>> projectConfig) {
        StackConfigLoader loader = new StackConfigLoader(projectConfig);
        GuardConfig config = loader.read();
        ConfigValidator.validate(config, loader.issues);
        loader.issues.throwIfAny(stackFile(stackName));
        return config;
    }

    public static String stackFile(String stackName) {
        return "Pulumi." + stackName + ".yaml";
    }

    private Optional<ConfigNode> structured(String key) {
        return ConfigNode.structured(NAMESPACE + ":" + key, projectConfig.apply(key), issues);
    }

    private Optional<ConfigNode> plain(String key) {
        return ConfigNode.plain(NAMESPACE + ":" + key, projectConfig.apply(key), issues);
    }

    private GuardConfig read() {
        AlarmMode mode = readAlarmMode();
        String prefix = plain("resourcePrefix").flatMap(ConfigNode::text).orElse(GuardConfig.DEFAULT_RESOURCE_PREFIX);
        List<String> defaultRegions = structured("regions").map(ConfigNode::texts).orElse(List.of());
        return new GuardConfig(
                mode,
                prefix,
                defaultRegions,
                readOrganization(),
                readSecurityAccount(),
                readAccounts(defaultRegions),
                readAlarmSettings(),
                CriticalResourcesReader.read(this::structured, projectConfig),
                ServiceControlPolicyReader.read(structured("serviceControlPolicy"), issues),
                readStackScope(),
                readRemediation());
    }

    private AlarmMode readAlarmMode() {
        String key = NAMESPACE + ":alarmMode";
        Optional<String> written = plain("alarmMode").flatMap(ConfigNode::text);
        if (written.isEmpty()) {
            issues.add(key, "is missing.", "set it to access-only or any-deletion.");
            return AlarmMode.ACCESS_ONLY;
        }
        Optional<AlarmMode> mode = AlarmMode.fromConfigValue(written.get());
        if (mode.isEmpty()) {
            issues.add(key, "'" + written.get() + "' is not a mode.", "set it to access-only or any-deletion.");
        }
        return mode.orElse(AlarmMode.ACCESS_ONLY);
    }

    private Organization readOrganization() {
        Optional<ConfigNode> written = structured("organization");
        if (written.isEmpty()) {
            issues.add(NAMESPACE + ":organization", "is missing.",
                    "add organization: {id, managementAccount: {id, name}, breakGlassRoles}.");
            return new Organization("", new NamedAccount("", ""), Organization.DEFAULT_ACCESS_ROLE, List.of());
        }
        ConfigNode node = written.get().requireObject("write organization as a map.");
        node.allowOnlyFields("id", "managementAccount", "accessRoleName", "breakGlassRoles");
        NamedAccount management = node.field("managementAccount")
                .map(account -> readNamedAccount(account, "management"))
                .orElseGet(() -> {
                    issues.add(node.path() + ".managementAccount", "is missing.",
                            "add managementAccount: {id: \"<12 digits>\", name: management}.");
                    return new NamedAccount("", "management");
                });
        List<BreakGlassRole> breakGlass = node.field("breakGlassRoles")
                .map(list -> list.texts().stream().map(BreakGlassRole::parse).toList())
                .orElse(List.of());
        return new Organization(
                node.requiredText("id", "set the organization id (o-...), shown by 'aws organizations describe-organization'."),
                management,
                node.textField("accessRoleName").orElse(Organization.DEFAULT_ACCESS_ROLE),
                breakGlass);
    }

    private NamedAccount readNamedAccount(ConfigNode written, String defaultName) {
        ConfigNode node = written.requireObject("write the account as {id: \"<12 digits>\", name: <short name>}.");
        node.allowOnlyFields("id", "name");
        return new NamedAccount(node.requiredAccountId("id"), node.textField("name").orElse(defaultName));
    }

    private SecurityAccount readSecurityAccount() {
        Optional<ConfigNode> written = structured("securityAccount");
        if (written.isEmpty()) {
            issues.add(NAMESPACE + ":securityAccount", "is missing.",
                    "add securityAccount: {id, homeRegion, notificationEmails}.");
            return new SecurityAccount(new NamedAccount("", "security"), "", List.of());
        }
        ConfigNode node = written.get().requireObject("write securityAccount as a map.");
        node.allowOnlyFields("id", "name", "homeRegion", "notificationEmails");
        return new SecurityAccount(
                new NamedAccount(node.requiredAccountId("id"), node.textField("name").orElse("security")),
                node.requiredText("homeRegion", "set the region where the security account receives notifications."),
                node.field("notificationEmails").map(ConfigNode::texts).orElse(List.of()));
    }

    private List<MemberAccount> readAccounts(List<String> defaultRegions) {
        Optional<ConfigNode> written = structured("accounts");
        if (written.isEmpty()) {
            issues.add(NAMESPACE + ":accounts", "is missing.", "list the accounts to guard, each with id and name.");
            return List.of();
        }
        List<MemberAccount> accounts = new ArrayList<>();
        for (ConfigNode element : written.get().elements()) {
            ConfigNode node = element.requireObject("write each account as {id, name, regions, cloudTrailLogGroup}.");
            node.allowOnlyFields("id", "name", "regions", "cloudTrailLogGroup", "organizationalUnit");
            NamedAccount account = new NamedAccount(
                    node.requiredAccountId("id"),
                    node.requiredText("name", "give the account a short name (lowercase letters, digits, hyphens)."));
            List<String> regions = node.field("regions").map(ConfigNode::texts).orElse(defaultRegions);
            Optional<LogGroupLocation> logGroup = node.field("cloudTrailLogGroup").map(group -> {
                ConfigNode groupNode = group.requireObject("write cloudTrailLogGroup as {name, region}.");
                groupNode.allowOnlyFields("name", "region");
                return new LogGroupLocation(
                        groupNode.requiredText("name", "set the CloudWatch Logs log group the trail delivers to."),
                        groupNode.requiredText("region", "set the region of that log group."));
            });
            accounts.add(new MemberAccount(account, regions, logGroup, node.textField("organizationalUnit")));
        }
        return accounts;
    }

    private StackScope readStackScope() {
        Optional<ConfigNode> written = structured("stackScope");
        if (written.isEmpty()) {
            return StackScope.wholeOrganization();
        }
        ConfigNode node = written.get().requireObject("write stackScope as {organizationalUnits, accounts, ownsCentralResources}.");
        node.allowOnlyFields("organizationalUnits", "accounts", "ownsCentralResources");
        return new StackScope(
                node.field("organizationalUnits").map(ConfigNode::texts).orElse(List.of()),
                node.field("accounts").map(ConfigNode::texts).orElse(List.of()),
                node.field("ownsCentralResources").flatMap(ConfigNode::bool).orElse(true));
    }

    /**
     * Reads both modes' sections, so a stack switched to the other mode does not discover a bad
     * value only then.
     */
    private Map<AlarmMode, AlarmSettings> readAlarmSettings() {
        Map<AlarmMode, AlarmSettings> settings = new EnumMap<>(AlarmMode.class);
        for (AlarmMode mode : AlarmMode.values()) {
            settings.put(mode, AlarmSettings.defaults());
        }
        Optional<ConfigNode> written = structured("alarms");
        if (written.isEmpty()) {
            return settings;
        }
        ConfigNode node = written.get().requireObject("write alarms as a map from mode to settings.");
        node.allowOnlyFields(AlarmMode.ACCESS_ONLY.configValue(), AlarmMode.ANY_DELETION.configValue());
        for (AlarmMode mode : AlarmMode.values()) {
            node.field(mode.configValue()).ifPresent(section -> settings.put(mode, readAlarmSection(section, mode)));
        }
        return settings;
    }

    private RemediationSettings readRemediation() {
        Optional<ConfigNode> written = structured("remediation");
        if (written.isEmpty()) {
            return RemediationSettings.off();
        }
        ConfigNode node = written.get().requireObject("write remediation as {cancelKeyDeletion: true|false, restoreSecret: true|false}.");
        node.allowOnlyFields("cancelKeyDeletion", "restoreSecret");
        return new RemediationSettings(
                node.field("cancelKeyDeletion").flatMap(ConfigNode::bool).orElse(false),
                node.field("restoreSecret").flatMap(ConfigNode::bool).orElse(false));
    }

    private AlarmSettings readAlarmSection(ConfigNode written, AlarmMode mode) {
        ConfigNode node = written.requireObject("write the settings as {periodSeconds, threshold, evaluationPeriods}.");
        if (mode == AlarmMode.ANY_DELETION) {
            node.allowOnlyFields("periodSeconds", "threshold", "evaluationPeriods", "kmsErrorThreshold");
        } else {
            node.allowOnlyFields("periodSeconds", "threshold", "evaluationPeriods");
        }
        AlarmSettings defaults = AlarmSettings.defaults();
        return new AlarmSettings(
                node.field("periodSeconds").flatMap(ConfigNode::wholeNumber).orElse(defaults.periodSeconds()),
                node.field("threshold").flatMap(ConfigNode::number).map(BigDecimal::doubleValue).orElse(defaults.threshold()),
                node.field("evaluationPeriods").flatMap(ConfigNode::wholeNumber).orElse(defaults.evaluationPeriods()),
                node.field("kmsErrorThreshold").flatMap(ConfigNode::number).map(BigDecimal::doubleValue).orElse(defaults.kmsErrorThreshold()));
    }
}
