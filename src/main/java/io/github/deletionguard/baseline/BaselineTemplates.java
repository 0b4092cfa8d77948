package io.github.deletionguard.baseline;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.deletionguard.detection.DeletionEventForwarding;
import io.github.deletionguard.detection.EventForwardingRole;
import io.github.deletionguard.detection.PreparedForwarding;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.patterns.RuleState;
import io.github.deletionguard.remediation.DeletionRemediation;
import io.github.deletionguard.remediation.PreparedRemediation;
import io.github.deletionguard.remediation.RemediationRoles;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.deletionguard.baseline.CloudFormationTemplate.ACCOUNT_ID;
import static io.github.deletionguard.baseline.CloudFormationTemplate.REGION;
import static io.github.deletionguard.baseline.CloudFormationTemplate.value;

/**
 * The member baseline as two CloudFormation templates, rendered from the same prepared model
 * as the provider engine's components (patterns, documents, policy renderers, names): the
 * renderers are called with the pseudo parameters in place of the account id and region, and
 * {@code Fn::Sub} puts each account's and region's values back. IAM is global, so the roles are
 * in a template deployed to one region; the rules and the Automation document in one deployed
 * to every region of the baseline.
 *
 * @param global   the roles, for the StackSet deployed to {@link #GLOBAL_REGION} only
 * @param regional the rules and the remediation document, for the StackSet deployed to every baseline region
 */
public record BaselineTemplates(String global, String regional) {
    /**
     * IAM's own region: the global StackSet goes here, where the CloudTrail events of global
     * services arrive, so rules for them can join the roles.
     */
    public static final String GLOBAL_REGION = "us-east-1";
    private static final String ROLE = "AWS::IAM::Role";
    private static final String RULE = "AWS::Events::Rule";
    private static final String DOCUMENT = "AWS::SSM::Document";

    /**
     * @param regions the regions of the regional StackSet: the roles' trust and permissions name
     *                exactly these, as the provider engine's name an account's own regions
     */
    public static BaselineTemplates render(ResourceNames names, PreparedForwarding forwarding,
                                           Optional<PreparedRemediation> remediation, List<String> regions) {
        return new BaselineTemplates(global(names, forwarding, remediation, regions).render(),
                regional(names, forwarding, remediation).render());
    }

    private static CloudFormationTemplate global(ResourceNames names, PreparedForwarding forwarding,
                                                 Optional<PreparedRemediation> remediation, List<String> regions) {
        CloudFormationTemplate template = new CloudFormationTemplate(names.globalBaselineStackSet(),
                "deletion-guard member baseline, IAM roles (global, deployed in " + GLOBAL_REGION + " only)");
        template.resource(logicalId(names, names.forwardingRole()) + "Role", ROLE, role(names.forwardingRole(),
                EventForwardingRole.DESCRIPTION, forwarding.renderRoleTrust(ACCOUNT_ID, regions),
                Map.of(EventForwardingRole.PERMISSIONS_POLICY, forwarding.rolePolicy())), List.of());
        remediation.ifPresent(prepared -> {
            template.resource(logicalId(names, names.automationRole()) + "Role", ROLE, role(names.automationRole(),
                    RemediationRoles.AUTOMATION_ROLE_DESCRIPTION, prepared.renderAutomationRoleTrust(ACCOUNT_ID, regions),
                    prepared.automationRolePermissions(ACCOUNT_ID, regions)), List.of());
            template.resource(logicalId(names, names.triggerRole()) + "Role", ROLE, role(names.triggerRole(),
                    RemediationRoles.TRIGGER_ROLE_DESCRIPTION, prepared.renderTriggerRoleTrust(ACCOUNT_ID, regions),
                    Map.of(RemediationRoles.TRIGGER_POLICY, prepared.renderTriggerRolePolicy(ACCOUNT_ID, regions))), List.of());
        });
        return template;
    }

    private static CloudFormationTemplate regional(ResourceNames names, PreparedForwarding forwarding,
                                                   Optional<PreparedRemediation> remediation) {
        CloudFormationTemplate template = new CloudFormationTemplate(names.regionalBaselineStackSet(),
                "deletion-guard member baseline, rules and remediation (every baseline region)");
        for (PreparedForwarding.MemberRule rule : forwarding.memberRules()) {
            JsonObject target = new JsonObject();
            target.addProperty("Id", DeletionEventForwarding.TARGET_ID);
            target.addProperty("Arn", names.centralBusArn());
            target.add("RoleArn", value(names.forwardingRoleArn(ACCOUNT_ID)));
            template.resource(logicalId(names, rule.name()) + "Rule", RULE,
                    rule(rule.name(), DeletionEventForwarding.RULE_DESCRIPTION, rule.pattern(), rule.state(), target), List.of());
        }
        remediation.ifPresent(prepared -> {
            String documentId = logicalId(names, names.remediationDocument()) + "Document";
            JsonObject document = new JsonObject();
            document.addProperty("Name", names.remediationDocument());
            document.addProperty("DocumentType", DeletionRemediation.DOCUMENT_TYPE);
            document.addProperty("DocumentFormat", DeletionRemediation.DOCUMENT_FORMAT);
            // The reviewed file as it reads: the same bytes the provider engine sends.
            document.add("Content", new JsonPrimitive(prepared.document().content()));
            template.resource(documentId, DOCUMENT, document, List.of());

            JsonObject transformer = new JsonObject();
            JsonObject paths = new JsonObject();
            prepared.inputPaths().forEach(paths::addProperty);
            transformer.add("InputPathsMap", paths);
            transformer.add("InputTemplate", value(prepared.inputTemplate(ACCOUNT_ID)));
            JsonObject target = new JsonObject();
            target.addProperty("Id", DeletionRemediation.TARGET_ID);
            target.add("Arn", value(Arns.automationDefinition(REGION, ACCOUNT_ID, names.remediationDocument())));
            target.add("RoleArn", value(Arns.iamRole(ACCOUNT_ID, names.triggerRole())));
            target.add("InputTransformer", transformer);
            // Started only once the document it starts exists.
            template.resource(logicalId(names, names.remediationRule()) + "Rule", RULE, rule(names.remediationRule(),
                    DeletionRemediation.RULE_DESCRIPTION, prepared.pattern(ACCOUNT_ID), RuleState.ENABLED, target), List.of(documentId));
        });
        return template;
    }

    private static JsonObject role(String name, String description, String trust, Map<String, String> inlinePolicies) {
        JsonObject properties = new JsonObject();
        properties.addProperty("RoleName", name);
        properties.addProperty("Description", description);
        properties.add("AssumeRolePolicyDocument", value(trust));
        JsonArray policies = new JsonArray();
        inlinePolicies.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(policy -> {
            JsonObject inline = new JsonObject();
            inline.addProperty("PolicyName", policy.getKey());
            inline.add("PolicyDocument", value(policy.getValue()));
            policies.add(inline);
        });
        properties.add("Policies", policies);
        return properties;
    }

    private static JsonObject rule(String name, String description, String pattern, RuleState state, JsonElement target) {
        JsonObject properties = new JsonObject();
        properties.addProperty("Name", name);
        properties.addProperty("Description", description);
        properties.add("EventPattern", value(pattern));
        properties.addProperty("State", state.name());
        JsonArray targets = new JsonArray();
        targets.add(target);
        properties.add("Targets", targets);
        return properties;
    }

    /** Logical ids follow the physical names, which are already the resources' identity. */
    private static String logicalId(ResourceNames names, String physicalName) {
        return CloudFormationTemplate.logicalId(physicalName.substring(names.prefix().length() + 1));
    }
}
