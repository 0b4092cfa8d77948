package io.github.deletionguard.operate;

import com.google.gson.GsonBuilder;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a command found, as text for people (every finding, then a summary table per account) or
 * as JSON for tooling. Exit 0 when nothing blocks, 1 when something does.
 */
public record Report(String command, String stack, List<Finding> findings) {

    public Report {
        findings = List.copyOf(findings);
    }

    public int exitCode() {
        return findings.stream().anyMatch(Finding::stopsTheRun) ? 1 : 0;
    }

    public void printText(PrintStream out) {
        out.printf("%s %s: %d checks%n", command, stack, findings.size());
        for (Finding finding : findings) {
            String label = finding.outcome() == Outcome.FAIL && !finding.blocking() ? "WARN" : finding.outcome().name();
            out.printf("%-5s %-28s %-28s %s%n", label, finding.check(), place(finding), finding.detail());
            finding.fix().ifPresent(fix -> out.printf("      fix: %s%n", fix));
        }
        out.println();
        out.printf("%-28s %6s %6s %6s %6s%n", "account/region", "pass", "warn", "fail", "error");
        summary().forEach((where, counts) -> out.printf("%-28s %6d %6d %6d %6d%n", where,
                counts[0], counts[1], counts[2], counts[3]));
        int[] total = totals();
        out.printf("%-28s %6d %6d %6d %6d%n", "total", total[0], total[1], total[2], total[3]);
        out.println(exitCode() == 0 ? "result: nothing blocks" : "result: blocked (exit 1)");
    }

    public void printJson(PrintStream out) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("command", command);
        document.put("stack", stack);
        document.put("exitCode", exitCode());
        int[] total = totals();
        Map<String, Integer> summary = new LinkedHashMap<>();
        summary.put("pass", total[0]);
        summary.put("warn", total[1]);
        summary.put("fail", total[2]);
        summary.put("error", total[3]);
        document.put("summary", summary);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Finding finding : findings) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("check", finding.check());
            row.put("account", finding.account());
            row.put("region", finding.region());
            row.put("outcome", finding.outcome().name().toLowerCase(java.util.Locale.ROOT));
            row.put("blocking", finding.blocking());
            row.put("detail", finding.detail());
            finding.fix().ifPresent(fix -> row.put("fix", fix));
            if (!finding.facts().isEmpty()) {
                row.put("facts", finding.facts());
            }
            rows.add(row);
        }
        document.put("findings", rows);
        out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(document));
    }

    private static String place(Finding finding) {
        return new Place(finding.account(), finding.region()).toString();
    }

    /** pass, warn, fail, error per place, sorted. */
    private Map<String, int[]> summary() {
        Map<String, int[]> byPlace = new TreeMap<>();
        findings.forEach(finding -> count(byPlace.computeIfAbsent(place(finding), key -> new int[4]), finding));
        return byPlace;
    }

    private int[] totals() {
        int[] counts = new int[4];
        findings.forEach(finding -> count(counts, finding));
        return counts;
    }

    private static void count(int[] counts, Finding finding) {
        switch (finding.outcome()) {
            case PASS -> counts[0]++;
            case FAIL -> counts[finding.blocking() ? 2 : 1]++;
            case ERROR -> counts[3]++;
        }
    }
}
