package io.github.deletionguard.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FilterPatternEvaluatorTest {

    /** One event with every JSON shape the rules distinguish, so each test states only its pattern. */
    private static final String EVENT = """
            {
              "eventName": "ScheduleKeyDeletion",
              "errorMessage": "key/abc is pending deletion.",
              "literalStar": "Ev*ent",
              "emptyText": "",
              "accountText": "111122223333",
              "numericText": "500",
              "trueText": "true",
              "latency": 250,
              "ratio": 0.5,
              "negative": -3,
              "status": 404,
              "readOnly": false,
              "managementEvent": true,
              "responseElements": null,
              "userIdentity": {
                "type": "AssumedRole",
                "sessionContext": { "sessionIssuer": { "userName": "PaymentsApp" } }
              },
              "resources": [
                { "type": "AWS::KMS::Key", "ARN": "arn:aws:kms:eu-central-1:111122223333:key/abc" },
                { "type": "AWS::KMS::Alias" }
              ],
              "tags": ["prod", "payments"],
              "grid": [[1, 2], [3, 4]],
              "emptyObject": {}
            }
            """;

    private static boolean matchesEvent(String pattern) {
        return FilterPatternEvaluator.matches(pattern, EVENT);
    }

    private static String cloudTrailRecord(String fileName) {
        try (InputStream in = FilterPatternEvaluatorTest.class.getResourceAsStream("/cloudtrail/" + fileName)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource cloudtrail/" + fileName);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IllegalArgumentException rejected(String pattern) {
        return assertThrows(IllegalArgumentException.class, () -> FilterPatternEvaluator.parse(pattern));
    }

    @Nested
    class StringEquality {

        @Test
        void equalsMatchesTheExactQuotedString() {
            assertTrue(matchesEvent("{ $.eventName = \"ScheduleKeyDeletion\" }"));
            assertFalse(matchesEvent("{ $.eventName = \"ScheduleKey\" }"));
            assertFalse(matchesEvent("{ $.eventName = \"ScheduleKeyDeletionX\" }"));
        }

        @Test
        void notEqualsIsTheOppositeOfEqualsOnAPresentString() {
            assertFalse(matchesEvent("{ $.eventName != \"ScheduleKeyDeletion\" }"));
            assertTrue(matchesEvent("{ $.eventName != \"CancelKeyDeletion\" }"));
        }

        @Test
        void unquotedAlphanumericValueIsAString() {
            assertTrue(matchesEvent("{ $.eventName = ScheduleKeyDeletion }"));
            assertFalse(matchesEvent("{ $.eventName = CancelKeyDeletion }"));
        }

        @Test
        void comparisonIsCaseSensitive() {
            assertFalse(matchesEvent("{ $.eventName = \"schedulekeydeletion\" }"));
            assertTrue(matchesEvent("{ $.eventName != \"SCHEDULEKEYDELETION\" }"));
        }

        @Test
        void emptyQuotedStringMatchesOnlyAnEmptyString() {
            assertTrue(matchesEvent("{ $.emptyText = \"\" }"));
            assertFalse(matchesEvent("{ $.eventName = \"\" }"));
        }

        @Test
        void escapedQuoteAndBackslashAreLiteralCharacters() {
            String event = "{ \"message\": \"say \\\"hi\\\" \\\\ bye\" }";
            assertTrue(FilterPatternEvaluator.matches("{ $.message = \"say \\\"hi\\\" \\\\ bye\" }", event));
            assertFalse(FilterPatternEvaluator.matches("{ $.message = \"say hi bye\" }", event));
        }

        @Test
        void whitespaceAroundTokensIsOptional() {
            assertTrue(matchesEvent("{$.eventName=\"ScheduleKeyDeletion\"}"));
            assertTrue(matchesEvent("{\n\t$.eventName   !=\n\"Other\"\n}"));
        }
    }

    @Nested
    class Wildcards {

        @Test
        void leadingWildcardMatchesBySuffix() {
            assertTrue(matchesEvent("{ $.errorMessage = \"* is pending deletion.\" }"));
            assertFalse(matchesEvent("{ $.errorMessage = \"* is pending\" }"));
        }

        @Test
        void trailingWildcardMatchesByPrefix() {
            assertTrue(matchesEvent("{ $.eventName = Schedule* }"));
            assertFalse(matchesEvent("{ $.eventName = Deletion* }"));
        }

        @Test
        void wildcardsAtBothEndsMatchBySubstring() {
            assertTrue(matchesEvent("{ $.errorMessage = \"*pending*\" }"));
            assertFalse(matchesEvent("{ $.errorMessage = \"*scheduled*\" }"));
        }

        @Test
        void wildcardMayStandForNoCharacters() {
            assertTrue(matchesEvent("{ $.eventName = \"*ScheduleKeyDeletion\" }"));
            assertTrue(matchesEvent("{ $.eventName = \"ScheduleKeyDeletion*\" }"));
        }

        @Test
        void withoutWildcardsAPrefixOrSuffixIsNotEnough() {
            assertFalse(matchesEvent("{ $.errorMessage = \"is pending deletion.\" }"));
            assertFalse(matchesEvent("{ $.errorMessage = \"key/abc\" }"));
        }

        @Test
        void asteriskInTheMiddleIsALiteralCharacter() {
            assertTrue(matchesEvent("{ $.literalStar = \"Ev*ent\" }"));
            assertFalse(FilterPatternEvaluator.matches("{ $.name = Ev*ent }", "{ \"name\": \"Event\" }"));
            assertFalse(FilterPatternEvaluator.matches("{ $.name = Ev*ent }", "{ \"name\": \"EvXent\" }"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"{ $.eventName = \"*\" }", "{ $.eventName = * }", "{ $.latency = * }",
                "{ $.emptyText = * }"})
        void loneAsteriskMatchesAnyStringOrNumber(String pattern) {
            assertTrue(matchesEvent(pattern));
        }

        @ParameterizedTest
        @ValueSource(strings = {"$.missing", "$.responseElements", "$.managementEvent", "$.userIdentity", "$.tags"})
        void loneAsteriskDoesNotMatchWhatIsNotAStringOrNumber(String selector) {
            assertFalse(matchesEvent("{ " + selector + " = \"*\" }"));
        }

        @Test
        void notEqualsWithWildcardRejectsTheWildcardedPrefix() {
            assertFalse(matchesEvent("{ $.eventName != Schedule* }"));
            assertTrue(matchesEvent("{ $.eventName != Cancel* }"));
        }

        @Test
        void wildcardAppliesToANumberAsWritten() {
            assertTrue(matchesEvent("{ $.status = 4* }"));
            assertFalse(matchesEvent("{ $.status = 5* }"));
        }
    }

    @Nested
    class NumericComparisons {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "{ $.latency = 250 }      | true",
                "{ $.latency = 251 }      | false",
                "{ $.latency != 250 }     | false",
                "{ $.latency != 251 }     | true",
                "{ $.latency < 251 }      | true",
                "{ $.latency < 250 }      | false",
                "{ $.latency > 249 }      | true",
                "{ $.latency > 250 }      | false",
                "{ $.latency <= 250 }     | true",
                "{ $.latency <= 249 }     | false",
                "{ $.latency >= 250 }     | true",
                "{ $.latency >= 251 }     | false",
        })
        void eachOperatorComparesNumbers(String pattern, boolean expected) {
            assertEquals(expected, matchesEvent(pattern));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
                "{ $.latency = 250.0 }    | true",
                "{ $.latency = 2.5e2 }    | true",
                "{ $.latency = +250 }     | true",
                "{ $.ratio < 5e-1 }       | false",
                "{ $.ratio <= 5e-1 }      | true",
                "{ $.negative < -2.5 }    | true",
                "{ $.negative > -3 }      | false",
        })
        void numericLiteralsFollowTheDocumentedGrammarAndCompareByValue(String pattern, boolean expected) {
            assertEquals(expected, matchesEvent(pattern));
        }

        @Test
        void relationalOperatorDoesNotTreatANumericStringAsANumber() {
            assertFalse(matchesEvent("{ $.numericText > 100 }"));
            assertFalse(matchesEvent("{ $.numericText < 1000 }"));
        }

        @Test
        void unquotedNumberEqualsAStringFieldOnlyWhenTheTextIsIdentical() {
            assertTrue(matchesEvent("{ $.accountText = 111122223333 }"));
            assertFalse(matchesEvent("{ $.accountText = 111122223334 }"));
            assertFalse(matchesEvent("{ $.numericText = 500.0 }"));
        }

        @Test
        void quotedNumberComparesWithTheNumberAsWritten() {
            assertTrue(matchesEvent("{ $.latency = \"250\" }"));
            assertFalse(matchesEvent("{ $.latency = \"250.0\" }"));
        }

        @Test
        void relationalOperatorNeverMatchesAMissingField() {
            assertFalse(matchesEvent("{ $.missing > 0 }"));
            assertFalse(matchesEvent("{ $.missing < 0 }"));
        }
    }

    @Nested
    class NullExistenceAndBooleans {

        @Test
        void isNullMatchesOnlyAFieldSetToNull() {
            assertTrue(matchesEvent("{ $.responseElements IS NULL }"));
            assertFalse(matchesEvent("{ $.eventName IS NULL }"));
            assertFalse(matchesEvent("{ $.emptyObject IS NULL }"));
        }

        @Test
        void isNullDoesNotMatchAMissingField() {
            assertFalse(matchesEvent("{ $.missing IS NULL }"));
        }

        @Test
        void notExistsMatchesOnlyAnAbsentField() {
            assertTrue(matchesEvent("{ $.missing NOT EXISTS }"));
            assertFalse(matchesEvent("{ $.eventName NOT EXISTS }"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"$.responseElements", "$.emptyObject", "$.tags", "$.readOnly", "$.emptyText"})
        void notExistsDoesNotMatchAFieldThatIsPresentWhateverItsValue(String selector) {
            assertFalse(matchesEvent("{ " + selector + " NOT EXISTS }"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"$.userIdentity.missing", "$.eventName.inner", "$.tags[2]", "$.eventName[0]",
                "$.resources[1].ARN"})
        void notExistsMatchesWhenAnyStepOfThePathFindsNothing(String selector) {
            assertTrue(matchesEvent("{ " + selector + " NOT EXISTS }"));
        }

        @Test
        void isTrueAndIsFalseTestJsonBooleans() {
            assertTrue(matchesEvent("{ $.managementEvent IS TRUE }"));
            assertFalse(matchesEvent("{ $.managementEvent IS FALSE }"));
            assertTrue(matchesEvent("{ $.readOnly IS FALSE }"));
            assertFalse(matchesEvent("{ $.readOnly IS TRUE }"));
        }

        @Test
        void isTrueAndIsFalseIgnoreNonBooleans() {
            assertFalse(matchesEvent("{ $.trueText IS TRUE }"));
            assertFalse(matchesEvent("{ $.missing IS FALSE }"));
            assertFalse(matchesEvent("{ $.responseElements IS FALSE }"));
        }
    }

    /** The documentation says a comparison applies only to a string or number; nothing else matches = or !=. */
    @Nested
    class ComparisonsOnMissingOrNonValueFields {

        @ParameterizedTest
        @ValueSource(strings = {"$.missing", "$.userIdentity", "$.tags", "$.responseElements", "$.managementEvent"})
        void neitherEqualsNorNotEqualsMatches(String selector) {
            assertFalse(matchesEvent("{ " + selector + " = \"x\" }"));
            assertFalse(matchesEvent("{ " + selector + " != \"x\" }"));
            assertFalse(matchesEvent("{ " + selector + " = 1 }"));
            assertFalse(matchesEvent("{ " + selector + " != 1 }"));
        }

        @Test
        void notEqualsOnAMissingFieldNeedsAnExplicitNotExistsToMatch() {
            String pattern = "{ $.errorCode != \"AccessDenied\" || $.errorCode NOT EXISTS }";
            assertTrue(matchesEvent(pattern));
            assertFalse(FilterPatternEvaluator.matches(pattern, "{ \"errorCode\": \"AccessDenied\" }"));
        }

        @Test
        void booleanFieldIsNotComparedWithTheWordTrue() {
            assertFalse(matchesEvent("{ $.managementEvent = true }"));
            assertFalse(matchesEvent("{ $.managementEvent != true }"));
        }
    }

    @Nested
    class Selectors {

        @Test
        void nestedPropertiesAreFollowed() {
            assertTrue(matchesEvent("{ $.userIdentity.sessionContext.sessionIssuer.userName = PaymentsApp }"));
            assertFalse(matchesEvent("{ $.userIdentity.sessionContext.sessionIssuer.userName = OtherApp }"));
        }

        @Test
        void arrayIndexSelectsThatElement() {
            assertTrue(matchesEvent("{ $.tags[0] = prod }"));
            assertTrue(matchesEvent("{ $.tags[1] = payments }"));
            assertFalse(matchesEvent("{ $.tags[0] = payments }"));
        }

        @Test
        void propertyAfterAnIndexIsReadFromThatElement() {
            assertTrue(matchesEvent("{ $.resources[0].type = \"AWS::KMS::Key\" }"));
            assertTrue(matchesEvent("{ $.resources[1].type = \"AWS::KMS::Alias\" }"));
            assertFalse(matchesEvent("{ $.resources[1].type = \"AWS::KMS::Key\" }"));
        }

        @Test
        void consecutiveIndexesReachIntoNestedArrays() {
            assertTrue(matchesEvent("{ $.grid[1][0] = 3 }"));
            assertFalse(matchesEvent("{ $.grid[0][1] = 3 }"));
        }

        @Test
        void indexDoesNotApplyToANonArray() {
            assertFalse(matchesEvent("{ $.eventName[0] = \"S\" }"));
            assertFalse(matchesEvent("{ $.userIdentity[0] = * }"));
        }

        @Test
        void indexPastTheEndFindsNothing() {
            assertFalse(matchesEvent("{ $.tags[2] = * }"));
        }

        @Test
        void propertyNamesMayContainHyphensAndUnderscores() {
            String event = "{ \"detail-type\": \"AWS API Call\", \"snake_case\": 1 }";
            assertTrue(FilterPatternEvaluator.matches("{ $.detail-type = \"AWS API Call\" && $.snake_case = 1 }",
                    event));
        }

        @Test
        void propertyNamesAreCaseSensitive() {
            assertFalse(matchesEvent("{ $.EventName = * }"));
        }
    }

    /** Documented precedence: parentheses, then &&, then ||. */
    @Nested
    class Precedence {

        private static final String TRUE_CONDITION = "$.eventName = ScheduleKeyDeletion";
        private static final String FALSE_CONDITION = "$.eventName = DeleteAlias";

        @Test
        void andBindsTighterThanOrWhenOrComesFirst() {
            // true || (false && false) -> true; a left-to-right reading would give false.
            assertTrue(matchesEvent("{ " + TRUE_CONDITION + " || " + FALSE_CONDITION + " && " + FALSE_CONDITION
                    + " }"));
        }

        @Test
        void andBindsTighterThanOrWhenOrComesLast() {
            // (false && true) || true -> true; if || bound tighter, false && (true || true) would be false.
            assertTrue(matchesEvent("{ " + FALSE_CONDITION + " && " + TRUE_CONDITION + " || " + TRUE_CONDITION
                    + " }"));
            assertFalse(matchesEvent("{ " + FALSE_CONDITION + " && (" + TRUE_CONDITION + " || " + TRUE_CONDITION
                    + ") }"));
        }

        @Test
        void parenthesesOverrideThePrecedence() {
            assertFalse(matchesEvent("{ (" + TRUE_CONDITION + " || " + FALSE_CONDITION + ") && " + FALSE_CONDITION
                    + " }"));
        }

        @Test
        void andRequiresEveryCondition() {
            assertTrue(matchesEvent("{ " + TRUE_CONDITION + " && $.latency = 250 && $.tags[0] = prod }"));
            assertFalse(matchesEvent("{ " + TRUE_CONDITION + " && $.latency = 250 && $.tags[0] = dev }"));
        }

        @Test
        void orNeedsAnyCondition() {
            assertTrue(matchesEvent("{ " + FALSE_CONDITION + " || " + FALSE_CONDITION + " || " + TRUE_CONDITION
                    + " }"));
            assertFalse(matchesEvent("{ " + FALSE_CONDITION + " || " + FALSE_CONDITION + " }"));
        }

        @Test
        void nestedParenthesesAreEvaluatedInsideOut() {
            assertTrue(matchesEvent("{ ((" + FALSE_CONDITION + ") || ((" + TRUE_CONDITION + "))) }"));
            assertFalse(matchesEvent("{ ((" + TRUE_CONDITION + ") && ((" + FALSE_CONDITION + "))) }"));
        }
    }

    @Nested
    class InvalidPatterns {

        @Test
        void patternWithoutBracesIsRejected() {
            IllegalArgumentException e = rejected("$.eventName = Decrypt");
            assertTrue(e.getMessage().contains("position 0"), e.getMessage());
            assertTrue(e.getMessage().contains("must start with '{'"), e.getMessage());
        }

        @Test
        void missingClosingBraceIsRejected() {
            IllegalArgumentException e = rejected("{ $.eventName = Decrypt");
            assertTrue(e.getMessage().contains("position 23"), e.getMessage());
            assertTrue(e.getMessage().contains("expected '}'"), e.getMessage());
        }

        @Test
        void contentAfterTheClosingBraceIsRejected() {
            IllegalArgumentException e = rejected("{ $.eventName = Decrypt } extra");
            assertTrue(e.getMessage().contains("position 26"), e.getMessage());
        }

        @Test
        void emptyBracesAreRejected() {
            IllegalArgumentException e = rejected("{ }");
            assertTrue(e.getMessage().contains("expected a selector"), e.getMessage());
        }

        @Test
        void unclosedParenthesisIsRejectedNamingWhereItOpened() {
            IllegalArgumentException e = rejected("{ ($.eventName = Decrypt }");
            assertTrue(e.getMessage().contains("expected ')' to close the '(' at position 2"), e.getMessage());
            assertTrue(e.getMessage().contains("position 25"), e.getMessage());
        }

        @Test
        void unopenedParenthesisIsRejected() {
            IllegalArgumentException e = rejected("{ $.eventName = Decrypt) }");
            assertTrue(e.getMessage().contains("position 23"), e.getMessage());
            assertTrue(e.getMessage().contains("found ')'"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"{ $.a == 1 }", "{ $.a <> 1 }", "{ $.a =~ 1 }", "{ $.a ! 1 }", "{ $.a => 1 }"})
        void unknownComparisonOperatorIsRejected(String pattern) {
            IllegalArgumentException e = rejected(pattern);
            assertTrue(e.getMessage().contains("unknown operator"), e.getMessage());
            assertTrue(e.getMessage().contains("position 6"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"{ $.a = 1 & $.b = 2 }", "{ $.a = 1 | $.b = 2 }", "{ $.a = 1 &&& $.b = 2 }"})
        void unknownLogicalOperatorIsRejected(String pattern) {
            IllegalArgumentException e = rejected(pattern);
            assertTrue(e.getMessage().contains("unknown operator"), e.getMessage());
            assertTrue(e.getMessage().contains("position 10"), e.getMessage());
        }

        @Test
        void missingValueIsRejected() {
            IllegalArgumentException e = rejected("{ $.a = }");
            assertTrue(e.getMessage().contains("expected a value after '='"), e.getMessage());
        }

        @Test
        void missingOperatorIsRejected() {
            IllegalArgumentException e = rejected("{ $.a \"x\" }");
            assertTrue(e.getMessage().contains("expected an operator"), e.getMessage());
            assertTrue(e.getMessage().contains("position 6"), e.getMessage());
        }

        @Test
        void conditionsWithoutALogicalOperatorBetweenThemAreRejected() {
            IllegalArgumentException e = rejected("{ $.a = 1 $.b = 2 }");
            assertTrue(e.getMessage().contains("position 10"), e.getMessage());
        }

        @Test
        void danglingLogicalOperatorIsRejected() {
            IllegalArgumentException e = rejected("{ $.a = 1 && }");
            assertTrue(e.getMessage().contains("expected a selector"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"{ $.a > \"5\" }", "{ $.a < abc }", "{ $.a >= 5* }", "{ $.a <= 1E3 }"})
        void relationalOperatorWithoutAnUnquotedNumberIsRejected(String pattern) {
            IllegalArgumentException e = rejected(pattern);
            assertTrue(e.getMessage().contains("needs an unquoted number"), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"{ $.a = user@example.com }", "{ $.a = arn:aws:kms }", "{ $.a = a/b }",
                "{ $.a = 'quoted' }"})
        void unquotedValueWithSpecialCharactersIsRejected(String pattern) {
            IllegalArgumentException e = rejected(pattern);
            assertTrue(e.getMessage().contains("must be double-quoted"), e.getMessage());
        }

        @Test
        void unterminatedQuotedStringIsRejected() {
            IllegalArgumentException e = rejected("{ $.a = \"open }");
            assertTrue(e.getMessage().contains("unterminated quoted string"), e.getMessage());
            assertTrue(e.getMessage().contains("position 8"), e.getMessage());
        }

        @Test
        void unsupportedEscapeIsRejected() {
            IllegalArgumentException e = rejected("{ $.a = \"tab\\there\" }");
            assertTrue(e.getMessage().contains("unsupported escape"), e.getMessage());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
                "{ $ = 1 }          | must name a property",
                "{ $[0] = 1 }       | must follow a property",
                "{ $.a. = 1 }       | expected a property name",
                "{ $..a = 1 }       | expected a property name",
                "{ $.a[] = 1 }      | expected an index",
                "{ $.a[x] = 1 }     | expected an index",
                "{ $.a[0 = 1 }      | expected an index",
                "{ $a = 1 }         | unexpected 'a'",
                "{ eventName = 1 }  | expected a selector",
        })
        void malformedSelectorIsRejected(String pattern, String expectedProblem) {
            IllegalArgumentException e = rejected(pattern);
            assertTrue(e.getMessage().contains(expectedProblem), e.getMessage());
        }

        @Test
        void existsAloneIsRejectedWithAHint() {
            IllegalArgumentException e = rejected("{ $.a EXISTS }");
            assertTrue(e.getMessage().contains("use = \"*\""), e.getMessage());
        }

        @ParameterizedTest
        @ValueSource(strings = {"{ $.a IS }", "{ $.a IS NOTNULL }", "{ $.a NOT NULL }", "{ $.a is null }",
                "{ $.a IS null }"})
        void malformedKeywordConditionIsRejected(String pattern) {
            rejected(pattern);
        }

        @Test
        void regularExpressionValueIsRejectedAsUnsupported() {
            IllegalArgumentException e = rejected("{ $.a = %abc% }");
            assertTrue(e.getMessage().contains("regular-expression"), e.getMessage());
        }

        @Test
        void matchesAlsoRejectsAnInvalidPattern() {
            assertThrows(IllegalArgumentException.class, () -> FilterPatternEvaluator.matches("{ $.a = }", EVENT));
        }

        @Test
        void errorMessageQuotesThePattern() {
            IllegalArgumentException e = rejected("{ $.a == 1 }");
            assertTrue(e.getMessage().endsWith("in: { $.a == 1 }"), e.getMessage());
        }
    }

    @Nested
    class LogEvents {

        @ParameterizedTest
        @ValueSource(strings = {"not json", "{ \"a\": 1", "{ a: 1 }", "{ 'a': 1 }", "[1, 2]", "\"text\"",
                "{ \"a\": 1 } trailing"})
        void eventThatIsNotAWellFormedJsonObjectIsRejectedRatherThanNotMatched(String event) {
            assertThrows(IllegalArgumentException.class, () -> FilterPatternEvaluator.matches("{ $.a = * }", event));
        }

        @Test
        void parsedPatternMatchesManyEvents() {
            FilterPatternEvaluator.ParsedPattern pattern = FilterPatternEvaluator.parse("{ $.eventName = Decrypt }");
            JsonObject decrypt = JsonParser.parseString("{ \"eventName\": \"Decrypt\" }").getAsJsonObject();
            JsonObject encrypt = JsonParser.parseString("{ \"eventName\": \"Encrypt\" }").getAsJsonObject();
            assertTrue(pattern.matches(decrypt));
            assertFalse(pattern.matches(encrypt));
            assertEquals("{ $.eventName = Decrypt }", pattern.toString());
        }
    }

    /** Patterns of the kind deletion-guard alarms on, against the shared CloudTrail samples. */
    @Nested
    class CloudTrailRecords {

        private static final String KEY_PENDING_DELETION_USE = "{ ($.eventSource = \"kms.amazonaws.com\")"
                + " && ($.errorCode = \"KMSInvalidStateException\")"
                + " && ($.errorMessage = \"* is pending deletion.\") }";

        private static final String SECRET_MARKED_FOR_DELETION_USE =
                "{ ($.eventSource = \"secretsmanager.amazonaws.com\")"
                + " && ($.errorCode = \"InvalidRequestException\")"
                + " && ($.errorMessage = \"*marked for deletion*\") }";

        private static final String DELETION_SCHEDULED = "{ ($.eventSource = \"kms.amazonaws.com\""
                + " && $.eventName = \"ScheduleKeyDeletion\")"
                + " || ($.eventSource = \"secretsmanager.amazonaws.com\" && $.eventName = \"DeleteSecret\") }";

        @Test
        void useOfAKeyPendingDeletionIsDetected() {
            assertTrue(FilterPatternEvaluator.matches(KEY_PENDING_DELETION_USE,
                    cloudTrailRecord("decrypt-key-pending-deletion.json")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"decrypt-success.json", "get-secret-value-marked-for-deletion.json",
                "schedule-key-deletion.json", "delete-secret.json"})
        void useOfAKeyPendingDeletionIgnoresOtherRecords(String fileName) {
            assertFalse(FilterPatternEvaluator.matches(KEY_PENDING_DELETION_USE, cloudTrailRecord(fileName)));
        }

        @Test
        void useOfAKeyPendingDeletionIgnoresOtherKmsInvalidStateErrors() {
            String disabledKey = cloudTrailRecord("decrypt-key-pending-deletion.json")
                    .replace(" is pending deletion.", " is disabled.");
            assertFalse(FilterPatternEvaluator.matches(KEY_PENDING_DELETION_USE, disabledKey));
        }

        @Test
        void useOfASecretMarkedForDeletionIsDetected() {
            assertTrue(FilterPatternEvaluator.matches(SECRET_MARKED_FOR_DELETION_USE,
                    cloudTrailRecord("get-secret-value-marked-for-deletion.json")));
            assertFalse(FilterPatternEvaluator.matches(SECRET_MARKED_FOR_DELETION_USE,
                    cloudTrailRecord("decrypt-key-pending-deletion.json")));
        }

        @Test
        void scheduledDeletionsOfKeysAndSecretsAreDetected() {
            assertTrue(FilterPatternEvaluator.matches(DELETION_SCHEDULED,
                    cloudTrailRecord("schedule-key-deletion.json")));
            assertTrue(FilterPatternEvaluator.matches(DELETION_SCHEDULED, cloudTrailRecord("delete-secret.json")));
            assertFalse(FilterPatternEvaluator.matches(DELETION_SCHEDULED, cloudTrailRecord("decrypt-success.json")));
        }

        @Test
        void benignDecryptHasNoErrorCode() {
            String record = cloudTrailRecord("decrypt-success.json");
            assertTrue(FilterPatternEvaluator.matches("{ $.errorCode NOT EXISTS }", record));
            assertFalse(FilterPatternEvaluator.matches("{ $.errorCode = * }", record));
            assertFalse(FilterPatternEvaluator.matches("{ $.errorCode != \"KMSInvalidStateException\" }", record));
        }

        @Test
        void rootAndAssumedRoleCallersAreToldApart() {
            String pattern = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS }";
            assertTrue(FilterPatternEvaluator.matches(pattern, cloudTrailRecord("delete-secret.json")));
            assertFalse(FilterPatternEvaluator.matches(pattern,
                    cloudTrailRecord("get-secret-value-marked-for-deletion.json")));
        }

        @Test
        void resourceArnInsideTheResourcesArrayIsSelectable() {
            String pattern = "{ $.resources[0].ARN = \"arn:aws:kms:*\" && $.requestParameters.pendingWindowInDays <= 30"
                    + " && $.readOnly IS FALSE && $.responseElements.keyState = PendingDeletion }";
            assertTrue(FilterPatternEvaluator.matches(pattern, cloudTrailRecord("schedule-key-deletion.json")));
            assertFalse(FilterPatternEvaluator.matches(pattern, cloudTrailRecord("decrypt-key-pending-deletion.json")));
        }
    }
}
