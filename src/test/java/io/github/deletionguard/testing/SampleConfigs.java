package io.github.deletionguard.testing;

import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.AlarmSettings;
import io.github.deletionguard.config.BreakGlassRole;
import io.github.deletionguard.config.CriticalResources;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.config.LogGroupLocation;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.NamedAccount;
import io.github.deletionguard.config.Organization;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.config.SecurityAccount;
import io.github.deletionguard.config.StackScope;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Validated models built in code, for tests that exercise deployment rather than config parsing. */
public final class SampleConfigs {
    public static final String MANAGEMENT_ID = "111111111111";
    public static final String SECURITY_ID = "222222222222";
    public static final String WORKLOAD_ID = "333333333333";
    public static final String ORGANIZATION_ID = "o-abcdef1234";

    private SampleConfigs() {
    }

    /** Management account with the organization trail's log group, security account, one workload. */
    public static GuardConfig small(AlarmMode mode) {
        return small(mode, RemediationSettings.off());
    }

    /** The same, with remediation switched on as the test chooses. */
    public static GuardConfig small(AlarmMode mode, RemediationSettings remediation) {
        List<String> regions = List.of("eu-central-1", "eu-west-1");
        return new GuardConfig(
                mode,
                GuardConfig.DEFAULT_RESOURCE_PREFIX,
                regions,
                new Organization(ORGANIZATION_ID, new NamedAccount(MANAGEMENT_ID, "management"),
                        Organization.DEFAULT_ACCESS_ROLE,
                        List.of(BreakGlassRole.parse("BreakGlassAdmin"), BreakGlassRole.parse("/emergency/IncidentResponder"))),
                new SecurityAccount(new NamedAccount(SECURITY_ID, "security"), "eu-central-1", List.of("secops@example.com")),
                List.of(
                        new MemberAccount(new NamedAccount(MANAGEMENT_ID, "management"), regions,
                                Optional.of(new LogGroupLocation("aws-controltower/CloudTrailLogs", "eu-central-1"))),
                        new MemberAccount(new NamedAccount(SECURITY_ID, "security"), regions, Optional.empty()),
                        new MemberAccount(new NamedAccount(WORKLOAD_ID, "workload"), regions, Optional.empty())),
                defaultAlarmSettings(),
                CriticalResources.none(),
                Optional.empty(),
                StackScope.wholeOrganization(),
                remediation);
    }

    public static Map<AlarmMode, AlarmSettings> defaultAlarmSettings() {
        Map<AlarmMode, AlarmSettings> settings = new EnumMap<>(AlarmMode.class);
        for (AlarmMode mode : AlarmMode.values()) {
            settings.put(mode, AlarmSettings.defaults());
        }
        return settings;
    }
}
