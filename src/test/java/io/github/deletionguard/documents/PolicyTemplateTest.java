package io.github.deletionguard.documents;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyTemplateTest {

    @Test
    void placeholdersBecomeStringsOrListsInTheParsedDocument() {
        PolicyTemplate template = PolicyTemplate.parse("test.json", """
                {"Statement": [{"Resource": "{{topicArn}}", "Condition": {"StringEquals": {"aws:SourceAccount": "{{accounts}}"}},
                                "Note": "a=b <c>"}]}""");

        String rendered = template.render(Map.of("topicArn", "arn:aws:sns:eu-west-1:1:t", "accounts", List.of("1", "2")));

        assertEquals("{\"Statement\":[{\"Resource\":\"arn:aws:sns:eu-west-1:1:t\",\"Condition\":{\"StringEquals\":"
                + "{\"aws:SourceAccount\":[\"1\",\"2\"]}},\"Note\":\"a=b <c>\"}]}", rendered);
    }

    @Test
    void malformedFileIsNamedWithThePosition() {
        InvalidPolicyException error = assertThrows(InvalidPolicyException.class,
                () -> PolicyTemplate.parse("policy/broken.json", "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [,]\n}"));

        assertTrue(error.getMessage().startsWith("policy/broken.json: not valid JSON"), error.getMessage());
        assertTrue(error.getMessage().contains("line 3"), error.getMessage());
    }

    @Test
    void trailingTextAndNonObjectsAreRefused() {
        assertThrows(InvalidPolicyException.class, () -> PolicyTemplate.parse("a.json", "{} {}"));
        assertThrows(InvalidPolicyException.class, () -> PolicyTemplate.parse("a.json", "[]"));
    }

    @Test
    void placeholderInsideTextIsRefusedSoNothingIsTemplatedAsText() {
        InvalidPolicyException error = assertThrows(InvalidPolicyException.class,
                () -> PolicyTemplate.parse("a.json", "{\"Resource\": \"arn:aws:sns:{{region}}:1:t\"}"));

        assertTrue(error.getMessage().contains("whole values"), error.getMessage());
    }

    @Test
    void everyPlaceholderMustBeFilledAndNothingElse() {
        PolicyTemplate template = PolicyTemplate.parse("a.json", "{\"Resource\": \"{{topicArn}}\"}");

        assertThrows(IllegalArgumentException.class, () -> template.render(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> template.render(Map.of("topicArn", "x", "extra", "y")));
    }

    @Test
    void missingFileSaysWhereTheProgramLooked() {
        InvalidPolicyException error = assertThrows(InvalidPolicyException.class,
                () -> new PolicyFiles(Path.of("no-such-folder")).load("x.json"));

        assertTrue(error.getMessage().contains("no-such-folder/x.json: file not found"), error.getMessage());
    }
}
