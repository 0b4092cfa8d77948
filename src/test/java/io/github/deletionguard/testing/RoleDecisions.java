package io.github.deletionguard.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.aws.iam.Role;
import io.github.deletionguard.baseline.StackSetBaseline;
import io.github.deletionguard.plan.OfflineEngine;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.IamSimulator.Case;
import io.github.deletionguard.testing.IamSimulator.Decision;
import io.github.deletionguard.testing.IamSimulator.Request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * The decision-table idiom for the deployed roles of one account: each row a call and the
 * decision iam-simulate must reach, all decided in one run.
 */
public final class RoleDecisions {
    /** One row: the case and the decision it must get. */
    public record Expected(Case testCase, Decision decision) {
    }

    private final String accountId;
    private final Map<String, JsonObject> roles;

    private RoleDecisions(String accountId, Map<String, JsonObject> roles) {
        this.accountId = accountId;
        this.roles = roles;
    }

    /** Where an account's roles come from: the two engines of the member baseline. */
    public enum Engine {
        /** prod's roles of the account, registered through its providers. */
        PROVIDERS,
        /** The org stack's StackSet roles, resolved for the account (any account of its OUs, so none need be configured). */
        STACKSETS
    }

    /** The roles the engine deploys in the account, by name. */
    public static RoleDecisions of(Engine engine, String accountId) {
        return switch (engine) {
            case PROVIDERS -> of(Deployments.ofStackFile("prod"), accountId);
            case STACKSETS -> new RoleDecisions(accountId, StackSetBaseline.roles(StackSetBaseline.templateBody(
                    Deployments.ofStackFile("org"), "deletion-guard-member-baseline-global"), accountId));
        };
    }

    /** The roles the run registers in the account, by name. */
    public static RoleDecisions of(OfflineEngine.Run run, String accountId) {
        Map<String, JsonObject> roles = new LinkedHashMap<>();
        for (PlannedResource role : Deployments.ofType(run, Role.class)) {
            if (role.provider().orElseThrow().account().equals(accountId)) {
                roles.put(role.input("name"), role.inputs());
            }
        }
        return new RoleDecisions(accountId, roles);
    }

    public static void assertDecisions(String title, List<Expected> cases) {
        IamSimulator.DecisionTable table = new IamSimulator.DecisionTable(title);
        cases.forEach(item -> table.expect(item.decision(), item.testCase()));
        table.assertDecisions();
    }

    /** A service assumes one of the account's roles on behalf of a source. */
    public Expected assume(String name, String roleName, String service, String sourceAccount, String sourceArn,
                           Decision decision) {
        JsonObject trust = json(roles.get(roleName).get("assumeRolePolicy").getAsString());
        return new Expected(new Case(name, List.of(), List.of(), trust, new Request(service, "sts:AssumeRole",
                role(accountId, roleName), Map.of("aws:SourceAccount", sourceAccount, "aws:SourceArn", sourceArn))), decision);
    }

    /**
     * One of the account's roles calls an action with its inline policies.
     *
     * @param resourcePolicyOrAccount the resource's policy, or the resource's account where the ARN names none
     */
    public Expected act(String name, String principal, String action, String resource, Object resourcePolicyOrAccount,
                        Map<String, String> context, Decision decision) {
        String roleName = principal.substring(principal.lastIndexOf('/') + 1);
        List<JsonObject> identity = roles.get(roleName).getAsJsonArray("inlinePolicies").asList().stream()
                .map(policy -> json(policy.getAsJsonObject().get("policy").getAsString())).toList();
        Request request = resourcePolicyOrAccount instanceof String account
                ? new Request(principal, action, resource, account, context)
                : new Request(principal, action, resource, context);
        JsonObject resourcePolicy = resourcePolicyOrAccount instanceof JsonObject policy ? policy : null;
        return new Expected(new Case(name, identity, List.of(), resourcePolicy, request), decision);
    }

    /** One inline policy of one of the account's roles. */
    public JsonObject inlinePolicy(String roleName, String policyName) {
        return roles.get(roleName).getAsJsonArray("inlinePolicies").asList().stream()
                .map(policy -> policy.getAsJsonObject())
                .filter(policy -> policy.get("name").getAsString().equals(policyName))
                .map(policy -> json(policy.get("policy").getAsString()))
                .findFirst().orElseThrow(() -> new AssertionError(roleName + " has no inline policy " + policyName));
    }

    public static String role(String account, String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    public static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }
}
