package io.github.deletionguard.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks CloudFormation templates against AWS's registry resource schemas as
 * {@code @aws-cdk/aws-service-spec} publishes them, through {@code src/test/cfn-schema/validate.mjs}
 * (its README says what is checked), so a misspelt type or property fails the build instead of the
 * first deployment.
 */
public final class CloudFormationSchemas {
    private static final NodeHarness HARNESS = new NodeHarness("cfn-schema");
    private static final long VALIDATION_TIMEOUT_SECONDS = 120;

    private CloudFormationSchemas() {
    }

    private static String validate(String batch) {
        return HARNESS.node("validate.mjs", batch, VALIDATION_TIMEOUT_SECONDS);
    }

    /** Each template's problems by name, in one Node process; an empty list means the template fits the schemas. */
    public static Map<String, List<String>> problems(Map<String, String> templateBodies) {
        JsonObject templates = new JsonObject();
        templateBodies.forEach((name, body) -> templates.add(name, JsonParser.parseString(body)));
        JsonObject batch = new JsonObject();
        batch.add("templates", templates);
        JsonObject results = JsonParser.parseString(validate(batch.toString()))
                .getAsJsonObject().getAsJsonObject("results");
        Map<String, List<String>> problems = new TreeMap<>();
        results.entrySet().forEach(entry -> problems.put(entry.getKey(),
                ((JsonArray) entry.getValue()).asList().stream().map(problem -> problem.getAsString()).toList()));
        return problems;
    }
}
