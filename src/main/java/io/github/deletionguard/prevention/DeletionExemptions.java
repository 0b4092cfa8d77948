package io.github.deletionguard.prevention;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.deletionguard.awsapi.ApiCall;
import io.github.deletionguard.config.ApprovedDeletion;
import io.github.deletionguard.config.ApprovedResource;
import io.github.deletionguard.config.DeletionExceptions;
import io.github.deletionguard.config.EphemeralScope;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.documents.PolicyTemplate;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The SCP's part for the config's deletion exceptions, from typed values and two reviewed shapes
 * in {@code policy/}. An SCP can only deny, so an "allow" is a narrowing of the deny:
 * <ul>
 *   <li>An approved principal joins the exemption of the statement that leaves deletion to
 *       break-glass roles, and is denied again, in statements of
 *       its own, every deletion call on every other resource, every other deletion call on its
 *       approved resources, and the approved call itself from {@code until} on
 *       ({@code aws:CurrentTime}). What is left is exactly the approved call, on the approved
 *       resource, by the approved role, until the date; the window minimums and the ban on
 *       deletion without recovery still bind it. AWS ends the exemption on time by itself.</li>
 *   <li>An ephemeral OU lifts, by {@code aws:PrincipalOrgPaths}, the statements that decide who
 *       may delete and with which window ({@link ServiceControlPolicyDocument#DELETION_STATEMENT_SIDS}),
 *       for principals in it only; the guardrail and trail statements bind it like any OU.</li>
 * </ul>
 * Approved principals and their statements are in one document, so no deployment order can leave
 * a principal exempt without the statements that confine it.
 */
public final class DeletionExemptions {
    static final String DELETER_FILE = "scp-approved-deleter.json";
    static final String EXPIRY_FILE = "scp-approved-deletion-expiry.json";
    static final String ORG_PATHS_CONDITION = "ForAllValues:StringNotLike";
    static final String PRINCIPAL_ORG_PATHS = "aws:PrincipalOrgPaths";
    static final String RESOURCE_ORG_PATHS = "aws:ResourceOrgPaths";
    private static final String PRINCIPAL_ARN = "aws:PrincipalArn";
    private static final DateTimeFormatter SID_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final List<String> exemptPrincipalArns;
    private final List<JsonObject> statements;
    private final Map<String, List<String>> sidsByPrincipal;
    private final List<String> ephemeralOrgPaths;

    private DeletionExemptions(List<String> exemptPrincipalArns, List<JsonObject> statements, List<String> ephemeralOrgPaths) {
        this.exemptPrincipalArns = List.copyOf(exemptPrincipalArns);
        this.statements = List.copyOf(statements);
        Map<String, List<String>> sids = new TreeMap<>();
        statements.forEach(statement -> sids.computeIfAbsent(principalOf(statement), principal -> new ArrayList<>())
                .add(sidOf(statement)));
        this.sidsByPrincipal = sids;
        this.ephemeralOrgPaths = List.copyOf(ephemeralOrgPaths);
    }

    /**
     * @param deletionActions the very actions the break-glass statement denies, so the confining
     *                        statements cover every one of them
     */
    static DeletionExemptions of(DeletionExceptions exceptions, List<String> deletionActions, PolicyFiles files) {
        Map<String, List<ApprovedDeletion>> byPrincipal = exceptions.active().stream()
                .collect(Collectors.groupingBy(ApprovedDeletion::principal, TreeMap::new, Collectors.toList()));
        List<JsonObject> statements = new ArrayList<>();
        if (!byPrincipal.isEmpty()) {
            PolicyTemplate deleter = files.load(DELETER_FILE);
            PolicyTemplate expiry = files.load(EXPIRY_FILE);
            int number = 1;
            for (Map.Entry<String, List<ApprovedDeletion>> entry : byPrincipal.entrySet()) {
                statements.addAll(confine(deleter, expiry, "ApprovedDeleter" + number++, entry.getKey(), entry.getValue(),
                        deletionActions));
            }
        }
        List<String> orgPaths = exceptions.ephemeralScopes().stream().map(EphemeralScope::orgPathPattern).sorted().toList();
        return new DeletionExemptions(List.copyOf(byPrincipal.keySet()), statements, orgPaths);
    }

    private static List<JsonObject> confine(PolicyTemplate deleter, PolicyTemplate expiry, String sid, String principal,
                                            List<ApprovedDeletion> approvals, List<String> deletionActions) {
        List<String> resources = approvals.stream().map(approval -> approval.resource().arn()).sorted().distinct().toList();
        Set<String> approvedActions = approvals.stream().map(DeletionExemptions::approvedAction).collect(Collectors.toCollection(TreeSet::new));
        List<String> unapproved = deletionActions.stream().filter(action -> !approvedActions.contains(action)).toList();
        List<JsonObject> statements = new ArrayList<>(statementsOf(deleter.fill(Map.of(
                "onlyApprovedResourcesSid", sid + "OnlyApprovedResources",
                "onlyApprovedCallsSid", sid + "OnlyApprovedCalls",
                "deletionActions", deletionActions,
                "unapprovedActions", unapproved,
                "approvedResources", resources,
                "principalArn", principal))));
        // One expiry statement per end date: approvals of one role may end on different days.
        Map<java.time.LocalDate, List<ApprovedDeletion>> byUntil = approvals.stream()
                .collect(Collectors.groupingBy(ApprovedDeletion::until, TreeMap::new, Collectors.toList()));
        byUntil.forEach((until, ending) -> statements.addAll(statementsOf(expiry.fill(Map.of(
                "sid", sid + "Until" + SID_DATE.format(until),
                "approvedActions", ending.stream().map(DeletionExemptions::approvedAction).sorted().distinct().toList(),
                "approvedResources", ending.stream().map(approval -> approval.resource().arn()).sorted().distinct().toList(),
                "principalArn", principal,
                "expiresAt", ending.get(0).expiresAt())))));
        return statements;
    }

    /** The one deletion an approval allows: scheduling the key's deletion, or deleting the secret. */
    static String approvedAction(ApprovedDeletion approval) {
        return (approval.resource().kind() == ApprovedResource.Kind.KEY ? ApiCall.SCHEDULE_KEY_DELETION : ApiCall.DELETE_SECRET)
                .iamAction();
    }

    private static List<JsonObject> statementsOf(JsonObject document) {
        List<JsonObject> statements = new ArrayList<>();
        document.getAsJsonArray("Statement").forEach(statement -> statements.add(statement.getAsJsonObject()));
        return statements;
    }

    /**
     * Narrows the rendered SCP: the approved roles join the exemption of {@code whoMayDeleteSid}
     * and their confining statements follow it directly (so a split keeps them in the same policy
     * as the exemption, as far as they fit); the ephemeral OUs' principals are let off every
     * statement of {@code deletionStatementSids}.
     */
    JsonObject applyTo(JsonObject document, String whoMayDeleteSid, Set<String> deletionStatementSids) {
        liftForEphemeral(document, deletionStatementSids, PRINCIPAL_ORG_PATHS);
        if (statements.isEmpty()) {
            return document;
        }
        JsonArray result = new JsonArray();
        for (JsonElement element : document.getAsJsonArray("Statement")) {
            result.add(element);
            if (sidOf(element.getAsJsonObject()).equals(whoMayDeleteSid)) {
                JsonObject arnNotLike = condition(element.getAsJsonObject()).getAsJsonObject("ArnNotLike");
                JsonArray exempt = new JsonArray();
                JsonElement written = arnNotLike.get(PRINCIPAL_ARN);
                if (written.isJsonArray()) {
                    exempt.addAll(written.getAsJsonArray());
                } else {
                    exempt.add(written);
                }
                exemptPrincipalArns.forEach(exempt::add);
                arnNotLike.add(PRINCIPAL_ARN, exempt);
                statements.forEach(confining -> result.add(confining.deepCopy()));
            }
        }
        if (result.size() == document.getAsJsonArray("Statement").size()) {
            throw new IllegalStateException("the SCP template lacks " + whoMayDeleteSid + ", which approved deletions narrow");
        }
        document.add("Statement", result);
        return document;
    }

    /**
     * Lets the ephemeral OUs off the statements {@code sids}, by {@code orgPathsKey}: the
     * principal's path in an SCP, the resource's ({@code aws:ResourceOrgPaths}) in an RCP. The
     * condition is {@code ForAllValues:StringNotLike}, which holds when the key is absent, so a
     * request without an organization path stays denied.
     */
    JsonObject liftForEphemeral(JsonObject document, Set<String> sids, String orgPathsKey) {
        if (ephemeralOrgPaths.isEmpty()) {
            return document;
        }
        Set<String> found = new TreeSet<>();
        for (JsonElement element : document.getAsJsonArray("Statement")) {
            JsonObject statement = element.getAsJsonObject();
            if (sids.contains(sidOf(statement))) {
                found.add(sidOf(statement));
                condition(statement).add(ORG_PATHS_CONDITION, single(orgPathsKey, ephemeralOrgPaths));
            }
        }
        if (!found.equals(sids)) {
            throw new IllegalStateException("the template lacks the statements " + sids + " that ephemeral scopes lift; found " + found);
        }
        return document;
    }

    private static String principalOf(JsonObject statement) {
        return statement.getAsJsonObject("Condition").getAsJsonObject("ArnEquals").get(PRINCIPAL_ARN).getAsString();
    }

    /** The SCP statements that confine an approval's role, for the plan's review of what each approval renders. */
    public List<String> statementIdsFor(ApprovedDeletion approval) {
        return sidsByPrincipal.getOrDefault(approval.principal(), List.of()).stream()
                .filter(sid -> !sid.contains("Until") || sid.endsWith(SID_DATE.format(approval.until()))).toList();
    }

    private static String sidOf(JsonObject statement) {
        return statement.has("Sid") ? statement.get("Sid").getAsString() : "";
    }

    private static JsonObject condition(JsonObject statement) {
        if (!statement.has("Condition")) {
            statement.add("Condition", new JsonObject());
        }
        return statement.getAsJsonObject("Condition");
    }

    private static JsonObject single(String key, List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        JsonObject object = new JsonObject();
        object.add(key, array);
        return object;
    }

}
