package io.github.deletionguard.patterns;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A CloudWatch Logs JSON filter pattern built from typed terms, so every pattern the program
 * deploys is composed the same way and no pattern text is assembled by hand.
 */
public sealed interface FilterPattern {

    /** The expression as a term of a larger one: parenthesized wherever precedence could matter. */
    String expression();

    /** The pattern as CloudWatch Logs receives it in {@code filterPattern}. */
    default String render() {
        return "{ " + outermostExpression() + " }";
    }

    /** The expression where nothing surrounds it, so it needs no parentheses of its own. */
    default String outermostExpression() {
        return expression();
    }

    /**
     * {@code $.selector = "value"}. A value may start and/or end with {@code *}, which CloudWatch
     * treats as a wildcard; {@code "*"} alone matches any value that is present.
     */
    static FilterPattern equalTo(String selector, String value) {
        return new FieldEquals(selector, value, false);
    }

    /**
     * {@code $.selector != "value"}, with the wildcards of {@link #equalTo}. It holds only where
     * the field is present (CloudWatch compares value nodes only): a pattern meant for events
     * without the field says so with {@link #absent}.
     */
    static FilterPattern notEqualTo(String selector, String value) {
        return new FieldEquals(selector, value, true);
    }

    /** The field is present (CloudWatch's documented idiom: equal to the lone wildcard). */
    static FilterPattern present(String selector) {
        return new FieldEquals(selector, "*", false);
    }

    /** The field is absent: CloudWatch's {@code NOT EXISTS}. */
    static FilterPattern absent(String selector) {
        return new FieldAbsent(selector);
    }

    /** All of the terms; a term that is itself an {@code allOf} is spliced in, as {@code &&} is associative. */
    static FilterPattern allOf(FilterPattern... terms) {
        return new AllOf(List.of(terms).stream()
                .flatMap(term -> term instanceof AllOf all ? all.terms().stream() : Stream.of(term))
                .toList());
    }

    static FilterPattern anyOf(FilterPattern... terms) {
        return new AnyOf(List.of(terms));
    }

    /** One of several values of the same field; a single value is a plain comparison. */
    static FilterPattern oneOf(String selector, String... values) {
        if (values.length == 1) {
            return equalTo(selector, values[0]);
        }
        return new AnyOf(List.of(values).stream().map(value -> equalTo(selector, value)).toList());
    }

    /** None of several values of the same field, which must be present; a single value is a plain {@code !=}. */
    static FilterPattern noneOf(String selector, List<String> values) {
        if (values.size() == 1) {
            return notEqualTo(selector, values.get(0));
        }
        return new AllOf(values.stream().map(value -> notEqualTo(selector, value)).toList());
    }

    private static void requireSelector(String selector) {
        if (!selector.matches("\\$(\\.[A-Za-z_][A-Za-z0-9_]*)+")) {
            throw new IllegalArgumentException("not a JSON selector: " + selector);
        }
    }

    /** {@code =}, or {@code !=} when {@code negated}. */
    record FieldEquals(String selector, String value, boolean negated) implements FilterPattern {
        public FieldEquals {
            requireSelector(selector);
            // The pattern language has no escape for a quote, and an inner * would be literal
            // text in some places and a wildcard in others: refuse both instead of guessing.
            String inner = value.length() > 2 ? value.substring(1, value.length() - 1) : "";
            if (value.isEmpty() || value.contains("\"") || inner.contains("*")) {
                throw new IllegalArgumentException("not a filter pattern value: " + value);
            }
        }

        @Override
        public String expression() {
            return "(" + selector + (negated ? " != " : " = ") + "\"" + value + "\")";
        }
    }

    record FieldAbsent(String selector) implements FilterPattern {
        public FieldAbsent {
            requireSelector(selector);
        }

        @Override
        public String expression() {
            return "(" + selector + " NOT EXISTS)";
        }
    }

    record AllOf(List<FilterPattern> terms) implements FilterPattern {
        public AllOf {
            terms = List.copyOf(terms);
        }

        @Override
        public String expression() {
            return "(" + outermostExpression() + ")";
        }

        @Override
        public String outermostExpression() {
            return terms.stream().map(FilterPattern::expression).collect(Collectors.joining(" && "));
        }
    }

    record AnyOf(List<FilterPattern> terms) implements FilterPattern {
        public AnyOf {
            terms = List.copyOf(terms);
        }

        @Override
        public String expression() {
            return "(" + terms.stream().map(FilterPattern::expression).collect(Collectors.joining(" || ")) + ")";
        }
    }
}
