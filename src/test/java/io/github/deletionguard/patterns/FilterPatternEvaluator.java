package io.github.deletionguard.patterns;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Test oracle for CloudWatch Logs <em>JSON</em> filter patterns ({@code { $.field = "value" }}), so that
 * tests can show a metric filter pattern matches the CloudTrail records it must and rejects near misses.
 *
 * <p>No maintained evaluator exists to depend on, so this follows the CloudWatch Logs User Guide, "Filter
 * and pattern syntax", sections on JSON log events, compound conditions, special considerations and
 * numeric comparisons. Where the guide is silent, the choice below is marked <b>choice</b>; choices lean
 * towards <em>not</em> matching, so a test relying on an undocumented behaviour fails instead of passing.
 *
 * <ul>
 *   <li><b>Wrapper.</b> The guide says a JSON pattern must be enclosed in curly braces; text and
 *       space-delimited patterns are out of scope and rejected.</li>
 *   <li><b>Selectors.</b> {@code $} followed by {@code .name} steps (letters, digits, '-', '_', as the
 *       guide lists) and {@code [n]} steps; the guide says an index must follow a property, so
 *       {@code $[0]} is rejected, while {@code $.a[0][1]} is allowed (the guide uses it).</li>
 *   <li><b>Value nodes only.</b> The guide says the selector must point to a value node (string or
 *       number); on an array or object both {@code =} and {@code !=} fail to match. Any comparison on a
 *       missing field, an object, an array, {@code null} or a boolean is therefore false, {@code !=}
 *       included (<b>choice</b> for missing fields, null and booleans: the guide only spells out
 *       objects and arrays, and "does not have an id property, this will be false" for {@code =}).</li>
 *   <li><b>Unquoted values.</b> The guide: strings of only alphanumeric characters need no quotes, and
 *       others (it names '@', '$', '\') must be quoted; its own example {@code 123.123.*} is unquoted.
 *       Unquoted values may hold letters, digits, '_', '-', '+', '.', '*' (so numbers such as
 *       {@code -1.5e3} fit); anything else is rejected. Inside quotes, {@code \"} and {@code \\} are the
 *       only escapes (<b>choice</b>: the guide documents none).</li>
 *   <li><b>Wildcards.</b> The guide: '*' matches any text at, before or after a term ({@code *Event},
 *       {@code Event*}), and {@code Ev*ent} only matches the literal string {@code Ev*ent}. So a
 *       leading and/or trailing '*' is a wildcard, a '*' elsewhere is a literal character (not an
 *       error), quoted or not, and a value of just '*' matches any string or number (the guide uses
 *       {@code { $.latency = * }}; the CDK's {@code FilterPattern.exists} is this pattern). A wildcard
 *       stands for zero or more characters (<b>choice</b>).</li>
 *   <li><b>Case.</b> The guide says metric filters are case sensitive: string comparison is exact.
 *       Keywords ({@code IS NULL}, {@code NOT EXISTS}, ...) must be upper case as the guide writes them
 *       (<b>choice</b>).</li>
 *   <li><b>Numbers.</b> A numeric literal is an integer or decimal with optional sign, optionally
 *       followed by 'e' and a signed integer (the guide's grammar). {@code <, >, <=, >=} need such a
 *       literal, unquoted, and hold only for number fields, compared exactly (<b>choice</b>: a string
 *       field such as {@code "500"} is not a number). {@code =} and {@code !=} with an unquoted numeric
 *       literal compare number fields numerically ({@code 400 = 4e2}) and string fields as text
 *       (<b>choice</b>: the guide's motivating example compares CloudTrail's recipientAccountId, a JSON
 *       string, with an unquoted account number). Any other value is compared as text, and a number
 *       field's text is the number as written in the event (<b>choice</b>), so {@code 4*} matches 404.</li>
 *   <li><b>IS NULL</b> holds only when the field is present and set to {@code null}, and
 *       <b>NOT EXISTS</b> only when the field is absent (a null, object or array field exists), as the
 *       guide says for each. An index past the end of an array, or a step into a non-object, finds
 *       nothing, so NOT EXISTS holds there.</li>
 *   <li><b>IS TRUE / IS FALSE</b> hold only for JSON booleans; the string {@code "true"} does not count
 *       (<b>choice</b>).</li>
 *   <li><b>EXISTS</b> on its own is not in the guide and is rejected with a hint to use {@code = "*"}.
 *       Regular-expression values ({@code %...%}) belong to a later syntax this oracle does not model,
 *       and are rejected rather than misread.</li>
 *   <li><b>Precedence.</b> The guide: parentheses, then {@code &&}, then {@code ||}. There is no
 *       negation operator.</li>
 *   <li><b>Log events.</b> CloudWatch simply ignores non-JSON events, but a test oracle must not turn a
 *       broken fixture into a silent "no match": an event that is not a well-formed JSON object is an
 *       {@link IllegalArgumentException}.</li>
 * </ul>
 *
 * <p>Error messages give a 0-based character position in the pattern.
 */
public final class FilterPatternEvaluator {

    private FilterPatternEvaluator() {
    }

    /** Whether {@code jsonLogEvent} matches {@code filterPattern}; both invalid inputs throw. */
    public static boolean matches(String filterPattern, String jsonLogEvent) {
        return parse(filterPattern).matches(parseLogEvent(jsonLogEvent));
    }

    /** Checks the syntax of {@code filterPattern} and returns it in a form that can be matched repeatedly. */
    public static ParsedPattern parse(String filterPattern) {
        return new Parser(filterPattern).parsePattern();
    }

    /** A syntactically valid JSON filter pattern. */
    public static final class ParsedPattern {
        private final String source;
        private final Condition condition;

        private ParsedPattern(String source, Condition condition) {
            this.source = source;
            this.condition = condition;
        }

        public boolean matches(JsonObject logEvent) {
            return condition.holdsFor(logEvent);
        }

        @Override
        public String toString() {
            return source;
        }
    }

    private static JsonObject parseLogEvent(String jsonLogEvent) {
        // Gson's JsonParser switches readers to lenient mode, which would accept fixtures with unquoted
        // keys or single quotes that CloudWatch would never see as JSON; read strictly instead.
        try (JsonReader reader = new JsonReader(new StringReader(jsonLogEvent))) {
            JsonElement root = new Gson().getAdapter(JsonElement.class).read(reader);
            // A strict reader throws here if anything but whitespace follows the value.
            reader.peek();
            if (!root.isJsonObject()) {
                throw new IllegalArgumentException("Log event is JSON but not an object");
            }
            return root.getAsJsonObject();
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException("Log event is not well-formed JSON: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Conditions: the parsed form of a pattern.

    private sealed interface Condition {
        boolean holdsFor(JsonObject event);
    }

    private record And(Condition left, Condition right) implements Condition {
        @Override
        public boolean holdsFor(JsonObject event) {
            return left.holdsFor(event) && right.holdsFor(event);
        }
    }

    private record Or(Condition left, Condition right) implements Condition {
        @Override
        public boolean holdsFor(JsonObject event) {
            return left.holdsFor(event) || right.holdsFor(event);
        }
    }

    /** {@code =} or {@code !=}; neither holds unless the selector finds a string or number. */
    private record Equality(Selector selector, ExpectedValue expected, boolean negated) implements Condition {
        @Override
        public boolean holdsFor(JsonObject event) {
            return selector.findValueNode(event)
                    .map(actual -> expected.matches(actual) != negated)
                    .orElse(false);
        }
    }

    private enum RelationalOperator {
        LESS("<"), GREATER(">"), LESS_OR_EQUAL("<="), GREATER_OR_EQUAL(">=");

        private final String symbol;

        RelationalOperator(String symbol) {
            this.symbol = symbol;
        }

        static RelationalOperator of(String symbol) {
            for (RelationalOperator operator : values()) {
                if (operator.symbol.equals(symbol)) {
                    return operator;
                }
            }
            throw new IllegalArgumentException("Not a relational operator: " + symbol);
        }

        /** Whether a value whose compareTo against the limit gave {@code order} satisfies this operator. */
        boolean accepts(int order) {
            return switch (this) {
                case LESS -> order < 0;
                case GREATER -> order > 0;
                case LESS_OR_EQUAL -> order <= 0;
                case GREATER_OR_EQUAL -> order >= 0;
            };
        }
    }

    /** {@code <, >, <=, >=}; holds only for number fields. */
    private record NumericComparison(Selector selector, RelationalOperator operator, BigDecimal limit)
            implements Condition {
        @Override
        public boolean holdsFor(JsonObject event) {
            return selector.findValueNode(event)
                    .filter(JsonPrimitive::isNumber)
                    .map(actual -> operator.accepts(actual.getAsBigDecimal().compareTo(limit)))
                    .orElse(false);
        }
    }

    private record IsNull(Selector selector) implements Condition {
        @Override
        public boolean holdsFor(JsonObject event) {
            return selector.find(event).map(JsonElement::isJsonNull).orElse(false);
        }
    }

    private record NotExists(Selector selector) implements Condition {
        @Override
        public boolean holdsFor(JsonObject event) {
            return selector.find(event).isEmpty();
        }
    }

    private record IsBoolean(Selector selector, boolean expected) implements Condition {
        @Override
        public boolean holdsFor(JsonObject event) {
            return selector.find(event)
                    .filter(element -> element.isJsonPrimitive() && element.getAsJsonPrimitive().isBoolean())
                    .map(element -> element.getAsBoolean() == expected)
                    .orElse(false);
        }
    }

    /**
     * The right-hand side of {@code =} / {@code !=}: its text with any edge wildcards, and its numeric value
     * when it was written as an unquoted number.
     */
    private record ExpectedValue(String text, Optional<BigDecimal> number) {

        boolean matches(JsonPrimitive actual) {
            if (number.isPresent() && actual.isNumber()) {
                return actual.getAsBigDecimal().compareTo(number.get()) == 0;
            }
            return matchesText(actual.getAsString());
        }

        private boolean matchesText(String actual) {
            if (text.equals("*")) {
                return true;
            }
            boolean anyPrefix = text.startsWith("*");
            boolean anySuffix = text.endsWith("*");
            String term = text.substring(anyPrefix ? 1 : 0, text.length() - (anySuffix ? 1 : 0));
            if (anyPrefix && anySuffix) {
                return actual.contains(term);
            }
            if (anyPrefix) {
                return actual.endsWith(term);
            }
            if (anySuffix) {
                return actual.startsWith(term);
            }
            return actual.equals(term);
        }
    }

    private sealed interface PathStep {
    }

    private record PropertyStep(String name) implements PathStep {
    }

    private record IndexStep(int index) implements PathStep {
    }

    private record Selector(List<PathStep> steps) {

        /** The element the selector points to; empty when any step finds nothing. */
        Optional<JsonElement> find(JsonObject event) {
            JsonElement current = event;
            for (PathStep step : steps) {
                if (step instanceof PropertyStep property) {
                    if (!current.isJsonObject() || !current.getAsJsonObject().has(property.name())) {
                        return Optional.empty();
                    }
                    current = current.getAsJsonObject().get(property.name());
                } else if (step instanceof IndexStep index) {
                    if (!current.isJsonArray() || index.index() >= current.getAsJsonArray().size()) {
                        return Optional.empty();
                    }
                    current = current.getAsJsonArray().get(index.index());
                }
            }
            return Optional.of(current);
        }

        /** The string or number the selector points to; empty for anything a comparison must not apply to. */
        Optional<JsonPrimitive> findValueNode(JsonObject event) {
            return find(event)
                    .filter(JsonElement::isJsonPrimitive)
                    .map(JsonElement::getAsJsonPrimitive)
                    .filter(primitive -> primitive.isString() || primitive.isNumber());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Tokens.

    private enum TokenType {
        OPEN_BRACE, CLOSE_BRACE, OPEN_PAREN, CLOSE_PAREN, AND, OR, OPERATOR, SELECTOR, QUOTED_STRING, WORD, END
    }

    /** {@code text} is the token as written, except for quoted strings, where it is the unescaped content. */
    private record Token(TokenType type, String text, int position) {
        String describe() {
            return switch (type) {
                case END -> "the end of the pattern";
                case QUOTED_STRING -> "\"" + text + "\"";
                default -> "'" + text + "'";
            };
        }
    }

    private static final Set<String> OPERATORS = Set.of("=", "!=", "<", ">", "<=", ">=");
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?(e[+-]?[0-9]+)?");

    private static boolean isPropertyNameChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '_' || c == '-';
    }

    private static boolean isUnquotedValueChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '_' || c == '-' || c == '+' || c == '.' || c == '*';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    // ---------------------------------------------------------------------------------------------
    // Parsing: a tokenizer feeding a recursive-descent parser for
    //   pattern   := '{' or '}'
    //   or        := and ('||' and)*
    //   and       := primary ('&&' primary)*
    //   primary   := '(' or ')' | condition
    //   condition := SELECTOR (OPERATOR value | 'IS' ('NULL' | 'TRUE' | 'FALSE') | 'NOT' 'EXISTS')

    private static final class Parser {
        private final String pattern;
        private final List<Token> tokens;
        private int next;

        Parser(String pattern) {
            if (pattern == null) {
                throw new IllegalArgumentException("Filter pattern is null");
            }
            this.pattern = pattern;
            this.tokens = tokenize();
        }

        ParsedPattern parsePattern() {
            Token open = advance();
            if (open.type() != TokenType.OPEN_BRACE) {
                throw error(open.position(), "a JSON filter pattern must start with '{', found " + open.describe());
            }
            Condition condition = parseOr();
            expect(TokenType.CLOSE_BRACE, "'}' to close the '{' at position " + open.position());
            expect(TokenType.END, "nothing after the closing '}'");
            return new ParsedPattern(pattern, condition);
        }

        private Condition parseOr() {
            Condition condition = parseAnd();
            while (peek().type() == TokenType.OR) {
                advance();
                condition = new Or(condition, parseAnd());
            }
            return condition;
        }

        private Condition parseAnd() {
            Condition condition = parsePrimary();
            while (peek().type() == TokenType.AND) {
                advance();
                condition = new And(condition, parsePrimary());
            }
            return condition;
        }

        private Condition parsePrimary() {
            Token token = advance();
            if (token.type() == TokenType.OPEN_PAREN) {
                Condition inner = parseOr();
                expect(TokenType.CLOSE_PAREN, "')' to close the '(' at position " + token.position());
                return inner;
            }
            if (token.type() == TokenType.SELECTOR) {
                return parseCondition(parseSelector(token));
            }
            throw error(token.position(), "expected a selector such as $.eventName or '(', found " + token.describe());
        }

        private Condition parseCondition(Selector selector) {
            Token token = advance();
            if (token.type() == TokenType.OPERATOR) {
                return parseComparison(selector, token);
            }
            if (isKeyword(token, "IS")) {
                return parseIsCondition(selector);
            }
            if (isKeyword(token, "NOT")) {
                Token keyword = advance();
                if (!isKeyword(keyword, "EXISTS")) {
                    throw error(keyword.position(), "expected EXISTS after NOT, found " + keyword.describe());
                }
                return new NotExists(selector);
            }
            if (isKeyword(token, "EXISTS")) {
                throw error(token.position(),
                        "EXISTS alone is not documented filter syntax; use = \"*\" to require a field");
            }
            throw error(token.position(), "expected an operator (=, !=, <, >, <=, >=), IS NULL, IS TRUE, IS FALSE"
                    + " or NOT EXISTS after the selector, found " + token.describe());
        }

        private Condition parseIsCondition(Selector selector) {
            Token keyword = advance();
            if (isKeyword(keyword, "NULL")) {
                return new IsNull(selector);
            }
            if (isKeyword(keyword, "TRUE")) {
                return new IsBoolean(selector, true);
            }
            if (isKeyword(keyword, "FALSE")) {
                return new IsBoolean(selector, false);
            }
            throw error(keyword.position(), "expected NULL, TRUE or FALSE after IS, found " + keyword.describe());
        }

        private static boolean isKeyword(Token token, String keyword) {
            return token.type() == TokenType.WORD && token.text().equals(keyword);
        }

        private Condition parseComparison(Selector selector, Token operator) {
            Token value = advance();
            if (value.type() != TokenType.QUOTED_STRING && value.type() != TokenType.WORD) {
                throw error(value.position(),
                        "expected a value after '" + operator.text() + "', found " + value.describe());
            }
            boolean isUnquotedNumber = value.type() == TokenType.WORD && NUMBER.matcher(value.text()).matches();
            Optional<BigDecimal> number = isUnquotedNumber
                    ? Optional.of(new BigDecimal(value.text()))
                    : Optional.empty();
            if (operator.text().equals("=") || operator.text().equals("!=")) {
                return new Equality(selector, new ExpectedValue(value.text(), number), operator.text().equals("!="));
            }
            if (number.isEmpty()) {
                throw error(value.position(), "operator '" + operator.text() + "' needs an unquoted number, found "
                        + value.describe());
            }
            return new NumericComparison(selector, RelationalOperator.of(operator.text()), number.get());
        }

        private Selector parseSelector(Token token) {
            String text = token.text();
            List<PathStep> steps = new ArrayList<>();
            int i = 1; // past the '$'
            while (i < text.length()) {
                int stepStart = i;
                char c = text.charAt(i);
                if (c == '.') {
                    i++;
                    while (i < text.length() && isPropertyNameChar(text.charAt(i))) {
                        i++;
                    }
                    if (i == stepStart + 1) {
                        throw error(token.position() + stepStart, "expected a property name after '.' in selector "
                                + text);
                    }
                    steps.add(new PropertyStep(text.substring(stepStart + 1, i)));
                } else if (c == '[') {
                    if (steps.isEmpty()) {
                        throw error(token.position() + stepStart,
                                "an array index must follow a property, as in $.users[0]");
                    }
                    i++;
                    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                        i++;
                    }
                    if (i == stepStart + 1 || i == text.length() || text.charAt(i) != ']') {
                        throw error(token.position() + stepStart, "expected an index such as [0] in selector " + text);
                    }
                    String digits = text.substring(stepStart + 1, i);
                    steps.add(new IndexStep(parseIndex(digits, token.position() + stepStart)));
                    i++;
                } else {
                    throw error(token.position() + i, "unexpected '" + c + "' in selector " + text);
                }
            }
            if (steps.isEmpty()) {
                throw error(token.position(), "a selector must name a property, as in $.eventName");
            }
            return new Selector(List.copyOf(steps));
        }

        private int parseIndex(String digits, int position) {
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw error(position, "array index " + digits + " is too large");
            }
        }

        private Token peek() {
            return tokens.get(next);
        }

        private Token advance() {
            Token token = tokens.get(next);
            if (token.type() != TokenType.END) {
                next++;
            }
            return token;
        }

        private void expect(TokenType type, String expectation) {
            Token token = advance();
            if (token.type() != type) {
                throw error(token.position(), "expected " + expectation + ", found " + token.describe());
            }
        }

        private List<Token> tokenize() {
            List<Token> result = new ArrayList<>();
            int i = 0;
            while (i < pattern.length()) {
                char c = pattern.charAt(i);
                int start = i;
                if (Character.isWhitespace(c)) {
                    i++;
                } else if ("{}()".indexOf(c) >= 0) {
                    TokenType type = switch (c) {
                        case '{' -> TokenType.OPEN_BRACE;
                        case '}' -> TokenType.CLOSE_BRACE;
                        case '(' -> TokenType.OPEN_PAREN;
                        default -> TokenType.CLOSE_PAREN;
                    };
                    result.add(new Token(type, String.valueOf(c), start));
                    i++;
                } else if (c == '&' || c == '|') {
                    while (i < pattern.length() && pattern.charAt(i) == c) {
                        i++;
                    }
                    String text = pattern.substring(start, i);
                    if (text.length() != 2) {
                        throw error(start, "unknown operator '" + text + "'; use && or ||");
                    }
                    result.add(new Token(c == '&' ? TokenType.AND : TokenType.OR, text, start));
                } else if ("=!<>~".indexOf(c) >= 0) {
                    while (i < pattern.length() && "=!<>~".indexOf(pattern.charAt(i)) >= 0) {
                        i++;
                    }
                    String text = pattern.substring(start, i);
                    if (!OPERATORS.contains(text)) {
                        throw error(start, "unknown operator '" + text + "'; expected one of =, !=, <, >, <=, >=");
                    }
                    result.add(new Token(TokenType.OPERATOR, text, start));
                } else if (c == '$') {
                    i++;
                    while (i < pattern.length() && (isPropertyNameChar(pattern.charAt(i))
                            || "[].$".indexOf(pattern.charAt(i)) >= 0)) {
                        i++;
                    }
                    result.add(new Token(TokenType.SELECTOR, pattern.substring(start, i), start));
                } else if (c == '"') {
                    i = readQuotedString(start, result);
                } else if (c == '%') {
                    throw error(start, "regular-expression values (%...%) are not supported by this evaluator");
                } else if (isUnquotedValueChar(c)) {
                    while (i < pattern.length() && isUnquotedValueChar(pattern.charAt(i))) {
                        i++;
                    }
                    result.add(new Token(TokenType.WORD, pattern.substring(start, i), start));
                } else {
                    throw error(start, "unexpected character '" + c + "'; values containing characters other than"
                            + " letters, digits, '_', '-', '+', '.' and '*' must be double-quoted");
                }
            }
            result.add(new Token(TokenType.END, "", pattern.length()));
            return result;
        }

        /** Reads the string opening at {@code start}, adds its token, and returns the index just past it. */
        private int readQuotedString(int start, List<Token> result) {
            StringBuilder content = new StringBuilder();
            int i = start + 1;
            while (i < pattern.length()) {
                char c = pattern.charAt(i);
                if (c == '"') {
                    result.add(new Token(TokenType.QUOTED_STRING, content.toString(), start));
                    return i + 1;
                }
                if (c == '\\') {
                    if (i + 1 == pattern.length() || (pattern.charAt(i + 1) != '"' && pattern.charAt(i + 1) != '\\')) {
                        throw error(i, "unsupported escape in quoted string; only \\\" and \\\\ are allowed");
                    }
                    content.append(pattern.charAt(i + 1));
                    i += 2;
                } else {
                    content.append(c);
                    i++;
                }
            }
            throw error(start, "unterminated quoted string");
        }

        private IllegalArgumentException error(int position, String problem) {
            return new IllegalArgumentException(
                    "Invalid filter pattern at position " + position + ": " + problem + " in: " + pattern);
        }
    }
}
