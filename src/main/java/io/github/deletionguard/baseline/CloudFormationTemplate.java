package io.github.deletionguard.baseline;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.github.deletionguard.documents.InvalidPolicyException;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CloudFormation template built as a JSON tree, never as text: resources in the order they are
 * added, properties in the order they are set, so the same model renders the same bytes. One
 * template serves every account and region of a StackSet: values that differ between them are
 * written with the pseudo parameters {@link #ACCOUNT_ID} and {@link #REGION} and sent through
 * {@code Fn::Sub}.
 */
public final class CloudFormationTemplate {
    /** CloudFormation quota "Template body size in a request": 51,200 bytes for TemplateBody. */
    public static final int MAX_TEMPLATE_BODY_BYTES = 51_200;
    public static final String ACCOUNT_ID = "${AWS::AccountId}";
    public static final String REGION = "${AWS::Region}";
    private static final String FORMAT_VERSION = "2010-09-09";
    /** A {@code ${} that is not one of our pseudo parameters, which Fn::Sub would otherwise read as a variable. */
    private static final Pattern LITERAL_VARIABLE = Pattern.compile("\\$\\{(?!AWS::AccountId}|AWS::Region})");
    // Reviewable golden files; '<' and '=' stay as written, as in the policies AWS stores.
    private static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

    private final String name;
    private final JsonObject template = new JsonObject();
    private final JsonObject resources = new JsonObject();

    public CloudFormationTemplate(String name, String description) {
        this.name = name;
        template.addProperty("AWSTemplateFormatVersion", FORMAT_VERSION);
        template.addProperty("Description", description);
        template.add("Resources", resources);
    }

    /** Adds a resource; a logical id used twice is a programming error. */
    public CloudFormationTemplate resource(String logicalId, String type, JsonObject properties, List<String> dependsOn) {
        if (resources.has(logicalId)) {
            throw new IllegalArgumentException(name + " has resource " + logicalId + " twice");
        }
        JsonObject resource = new JsonObject();
        resource.addProperty("Type", type);
        if (!dependsOn.isEmpty()) {
            JsonArray depends = new JsonArray();
            dependsOn.forEach(depends::add);
            resource.add("DependsOn", depends);
        }
        resource.add("Properties", properties);
        resources.add(logicalId, resource);
        return this;
    }

    /**
     * A string as the template carries it: unchanged when it is the same in every account and
     * region, else an {@code Fn::Sub} in which every other {@code ${} is escaped as {@code ${!}.
     */
    public static JsonElement value(String rendered) {
        if (!rendered.contains(ACCOUNT_ID) && !rendered.contains(REGION)) {
            return new JsonPrimitive(rendered);
        }
        JsonObject sub = new JsonObject();
        sub.addProperty("Fn::Sub", LITERAL_VARIABLE.matcher(rendered).replaceAll("\\${!"));
        return sub;
    }

    /** A CloudFormation logical id (alphanumeric) from a physical name's suffix: {@code remediate-deletion} to {@code RemediateDeletion}. */
    public static String logicalId(String suffix) {
        StringBuilder id = new StringBuilder();
        for (String part : suffix.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    /** The template body as sent to CloudFormation, checked against its size quota. */
    public String render() {
        String body = PRETTY.toJson(template) + "\n";
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEMPLATE_BODY_BYTES) {
            throw new InvalidPolicyException("the CloudFormation template " + name + " is " + bytes + " bytes;"
                    + " CloudFormation's quota 'Template body size in a request' allows " + MAX_TEMPLATE_BODY_BYTES
                    + ". Fix: fewer regions or break-glass roles in the baseline, or split the template.");
        }
        return body;
    }
}
