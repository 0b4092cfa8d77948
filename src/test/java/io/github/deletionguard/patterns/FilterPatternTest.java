package io.github.deletionguard.patterns;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.deletionguard.patterns.FilterPattern.allOf;
import static io.github.deletionguard.patterns.FilterPattern.absent;
import static io.github.deletionguard.patterns.FilterPattern.anyOf;
import static io.github.deletionguard.patterns.FilterPattern.equalTo;
import static io.github.deletionguard.patterns.FilterPattern.noneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    /**
     * {@code !=} holds only where the field is present, so "none of these values" for events that
     * may lack the field is written with {@code NOT EXISTS} beside it, as the denied-calls filter does.
     */
    @Test
    void noneOfExcludesEveryValueAndNeedsAbsentForEventsWithoutTheField() {
        FilterPattern none = noneOf("$.a", List.of("x", "*-y"));
        assertEquals("{ ($.a != \"x\") && ($.a != \"*-y\") }", none.render());
        assertEquals("{ ($.a != \"x\") }", noneOf("$.a", List.of("x")).render());

        assertTrue(FilterPatternEvaluator.matches(none.render(), "{\"a\":\"z\"}"));
        assertFalse(FilterPatternEvaluator.matches(none.render(), "{\"a\":\"x\"}"));
        assertFalse(FilterPatternEvaluator.matches(none.render(), "{\"a\":\"pre-y\"}"), "the leading wildcard applies to != too");
        assertFalse(FilterPatternEvaluator.matches(none.render(), "{\"b\":\"z\"}"));
        assertTrue(FilterPatternEvaluator.matches(anyOf(absent("$.a"), none).render(), "{\"b\":\"z\"}"));
    }
}
