package io.github.deletionguard.operate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a command prints: each finding, the summary table per place with a total, the JSON contract, the exit code. */
class ReportTest {
    private static final Place PAYMENTS = new Place("444444444444", "eu-central-1");
    private static final Place DATA = new Place("055555555555", "eu-west-1");

    private static Report report(Finding... findings) {
        return new Report("status", "prod", List.of(findings));
    }

    private static String text(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.printText(new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonObject json(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.printJson(new PrintStream(out, true, StandardCharsets.UTF_8));
        return JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void endsWithASummaryTablePerPlaceAndATotal() {
        String text = text(report(Finding.pass("rule", PAYMENTS, "enabled"), Finding.warn("subscription", PAYMENTS, "link", "again"),
                Finding.fail("rule", DATA, "DISABLED", "up"), Finding.error("alarm", DATA, "AccessDenied", "grant")));
        List<String> lines = text.lines().toList();
        int header = lines.indexOf("account/region                 pass   warn   fail  error");
        assertTrue(header > 0, text);
        assertEquals(List.of(
                "055555555555/eu-west-1            0      0      1      1",
                "444444444444/eu-central-1         1      1      0      0",
                "total                             1      1      1      1",
                "result: blocked (exit 1)"), lines.subList(header + 1, lines.size()));
    }

    @Test
    void warningsLetTheRunGoAheadAndFailuresOrErrorsDoNot() {
        assertEquals(0, report(Finding.pass("rule", PAYMENTS, "enabled"), Finding.warn("subscription", PAYMENTS, "link", "again")).exitCode());
        assertEquals(1, report(Finding.fail("rule", DATA, "DISABLED", "up")).exitCode());
        assertEquals(1, report(Finding.error("alarm", DATA, "AccessDenied", "grant")).exitCode());
        assertTrue(text(report(Finding.warn("subscription", PAYMENTS, "link", "again"))).contains("WARN  subscription"));
    }

    /** Tooling reads these names: a change here breaks it. */
    @Test
    void theJsonContractHasFixedFieldsInAFixedOrder() {
        JsonObject document = json(report(Finding.pass("rule", PAYMENTS, "enabled"),
                Finding.fail("key-pending-deletion", DATA, "deleted in 3 days", "cancel").withFacts(Map.of("daysLeft", 3L))));
        assertEquals(List.of("command", "stack", "exitCode", "summary", "findings"), List.copyOf(document.keySet()));
        assertEquals(List.of("pass", "warn", "fail", "error"), List.copyOf(document.getAsJsonObject("summary").keySet()));
        JsonObject passed = document.getAsJsonArray("findings").get(0).getAsJsonObject();
        assertEquals(List.of("check", "account", "region", "outcome", "blocking", "detail"), List.copyOf(passed.keySet()));
        JsonObject failed = document.getAsJsonArray("findings").get(1).getAsJsonObject();
        assertEquals(List.of("check", "account", "region", "outcome", "blocking", "detail", "fix", "facts"), List.copyOf(failed.keySet()));
        assertEquals("fail", failed.get("outcome").getAsString());
        assertEquals(3, failed.getAsJsonObject("facts").get("daysLeft").getAsLong());
        assertFalse(passed.has("fix"));
        assertEquals(1, document.get("exitCode").getAsInt());
    }
}
