package io.github.deletionguard.bench;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.deletionguard.config.BaselineEngine;
import io.github.deletionguard.config.RemediationSettings;
import io.github.deletionguard.testing.ConfigBuilder;

import java.util.List;

/**
 * A generated stack config of N member accounts in R regions, in prod mode with remediation on,
 * handed over as the Pulumi CLI hands a stack file's config to the program: the benchmark
 * measures the full path, config loading and validation included. With the StackSets engine the
 * workloads are spread over {@link #UNITS} OUs, which the StackSets target.
 */
final class SyntheticOrganization {
    static final List<String> REGIONS = List.of("eu-central-1", "eu-west-1", "us-east-1", "us-west-2");
    static final List<String> UNITS = List.of("ou-bnch-workload1", "ou-bnch-workload2", "ou-bnch-workload3", "ou-bnch-workload4");
    private static final Gson GSON = new Gson();

    private SyntheticOrganization() {
    }

    static ConfigBuilder config(int accounts, int regions, BaselineEngine engine) {
        ConfigBuilder config = ConfigBuilder.sample()
                .remediation(new RemediationSettings(true, true))
                .set("regions", GSON.toJson(REGIONS.subList(0, regions)));

        JsonObject organization = new JsonObject();
        organization.addProperty("id", "o-benchmark01");
        organization.add("managementAccount", account("100000000000", "management"));
        JsonArray breakGlass = new JsonArray();
        breakGlass.add("BreakGlassAdmin");
        organization.add("breakGlassRoles", breakGlass);
        config.set("organization", GSON.toJson(organization));

        JsonObject security = account("100000000001", "security");
        security.addProperty("homeRegion", REGIONS.get(0));
        JsonArray emails = new JsonArray();
        emails.add("secops@example.com");
        security.add("notificationEmails", emails);
        config.set("securityAccount", GSON.toJson(security));

        JsonArray members = new JsonArray();
        // The management account hosts the organization trail's log group: alarms for everyone.
        JsonObject management = account("100000000000", "management");
        JsonObject logGroup = new JsonObject();
        logGroup.addProperty("name", "aws-controltower/CloudTrailLogs");
        logGroup.addProperty("region", REGIONS.get(0));
        management.add("cloudTrailLogGroup", logGroup);
        members.add(management);
        members.add(account("100000000001", "security"));
        for (int i = 2; i < accounts; i++) {
            JsonObject workload = account(String.format("2%011d", i), String.format("workload-%04d", i));
            if (engine == BaselineEngine.STACKSETS) {
                workload.addProperty("organizationalUnit", UNITS.get(i % UNITS.size()));
            }
            members.add(workload);
        }
        if (engine == BaselineEngine.STACKSETS) {
            JsonObject baseline = new JsonObject();
            baseline.addProperty("engine", engine.configValue());
            baseline.add("organizationalUnits", GSON.toJsonTree(UNITS));
            baseline.add("regions", GSON.toJsonTree(REGIONS.subList(0, regions)));
            config.set("memberBaseline", GSON.toJson(baseline));
        }
        return config.set("accounts", GSON.toJson(members));
    }

    private static JsonObject account(String id, String name) {
        JsonObject account = new JsonObject();
        account.addProperty("id", id);
        account.addProperty("name", name);
        return account;
    }
}
