package io.github.deletionguard.patterns;

import org.junit.jupiter.api.Test;

import static io.github.deletionguard.patterns.FilterPattern.allOf;
import static io.github.deletionguard.patterns.FilterPattern.anyOf;
import static io.github.deletionguard.patterns.FilterPattern.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FilterPatternTest {

    @Test
    void nestedTermsKeepTheirMeaningThroughParentheses() {
        FilterPattern pattern = anyOf(allOf(equalTo("$.a", "1"), equalTo("$.b", "2")), equalTo("$.c", "3"));

        assertEquals("{ ((($.a = \"1\") && ($.b = \"2\")) || ($.c = \"3\")) }", pattern.render());
        String event = "{\"a\":\"1\",\"b\":\"x\",\"c\":\"3\"}";
        assertTrue(FilterPatternEvaluator.matches(pattern.render(), event));
    }

    @Test
    void valuesThePatternLanguageCannotExpressAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> equalTo("$.a", "say \"hi\""));
        assertThrows(IllegalArgumentException.class, () -> equalTo("$.a", "in*side"));
        assertThrows(IllegalArgumentException.class, () -> equalTo("$.a", ""));
        assertThrows(IllegalArgumentException.class, () -> equalTo("a.b", "x"));
    }
}
