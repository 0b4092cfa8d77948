package io.github.deletionguard.documents;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** StartAutomationExecution takes every parameter as a list of strings, in the order the target gives them. */
class AutomationInputTest {
    @Test
    void everyParameterIsAListOfStringsInTheOrderPut() {
        String input = new AutomationInput()
                .put("LogGroupName", "/aws/events/x")
                .put("LeadMinutes", "10")
                .put("IssuerArns", List.of("arn:aws:iam::111122223333:role/ci/a", "arn:aws:iam::*:role/ci/b"))
                .put("Hint", "say \"why\" <placeholder>")
                .render();

        assertEquals("{\"LogGroupName\":[\"/aws/events/x\"],\"LeadMinutes\":[\"10\"],"
                + "\"IssuerArns\":[\"arn:aws:iam::111122223333:role/ci/a\",\"arn:aws:iam::*:role/ci/b\"],"
                + "\"Hint\":[\"say \\\"why\\\" <placeholder>\"]}", input);
    }
}
