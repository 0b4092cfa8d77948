package io.github.deletionguard.alarms;

import com.google.gson.JsonObject;
import io.github.deletionguard.config.AlarmSettings;
import io.github.deletionguard.patterns.FilterPatternEvaluator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Denied noise must not hide a deletion. CloudWatch notifies only when an alarm changes state;
 * this replays a timeline of CloudTrail records through each alarm's filter pattern (with the
 * evaluator) and a model of CloudWatch's documented evaluation (Sum per period, alarm when one of
 * the last EvaluationPeriods datapoints reaches the threshold, missing data not breaching), and
 * counts the notifications: the transitions into ALARM.
 */
class AlarmSaturationTest {
    /** The pattern the released kms-key-deletion-attempt alarm counted: allowed and denied calls alike. */
    private static final String RELEASED_ATTEMPT_PATTERN = "{ ($.eventSource = \"kms.amazonaws.com\") && (($.eventName ="
            + " \"ScheduleKeyDeletion\") || ($.eventName = \"DisableKey\") || ($.eventName = \"DeleteImportedKeyMaterial\")) }";
    private static final AlarmSettings PROD = new AlarmSettings(300, 1, 1, 20);
    private static final JsonObject DENIED = DeletionAlarmPatternTest.EVENTS.get("kms/schedule-key-deletion-denied-by-scp.json");
    private static final JsonObject SCHEDULED = DeletionAlarmPatternTest.EVENTS.get("ScheduleKeyDeletion");

    /** A denied ScheduleKeyDeletion every 4 minutes for an hour, and two that succeed, at minutes 21 and 43. */
    private static Map<Integer, List<JsonObject>> noisyHour() {
        Map<Integer, List<JsonObject>> timeline = new TreeMap<>();
        for (int minute = 0; minute < 60; minute += 4) {
            timeline.computeIfAbsent(minute, m -> new ArrayList<>()).add(DENIED);
        }
        timeline.computeIfAbsent(21, m -> new ArrayList<>()).add(SCHEDULED);
        timeline.computeIfAbsent(43, m -> new ArrayList<>()).add(SCHEDULED);
        return timeline;
    }

    @Test
    void theReleasedCombinedAlarmStayedInAlarmAndHidBothSuccesses() {
        AlarmDefinition.Evaluation evaluation = AlarmDefinition.KMS_KEY_DELETION_FAILED.evaluation(PROD);
        assertEquals(List.of(0), notifications(RELEASED_ATTEMPT_PATTERN, evaluation, noisyHour()));
    }

    @Test
    void theSuccessAlarmNotifiesEverySuccessWhileTheFailureAlarmIsHeldInAlarm() {
        assertEquals(List.of(21, 43), notifications(AlarmDefinition.KMS_KEY_DELETION_SUCCEEDED, noisyHour()));
        assertEquals(List.of(0), notifications(AlarmDefinition.KMS_KEY_DELETION_FAILED, noisyHour()));
    }

    @Test
    void successesTwoMinutesApartNotifyTwiceAndOnesInTheSameMinuteOnce() {
        Map<Integer, List<JsonObject>> timeline = new TreeMap<>(Map.of(
                5, List.of(SCHEDULED, SCHEDULED), 7, List.of(SCHEDULED)));
        // The alarm path notifies state changes; each of the three is notified by EventBridge (README).
        assertEquals(List.of(5, 7), notifications(AlarmDefinition.KMS_KEY_DELETION_SUCCEEDED, timeline));
    }

    @Test
    void successAlarmsFireOnTheFirstSuccessWhateverTheConfiguredThreshold() {
        AlarmSettings lenient = new AlarmSettings(3600, 5, 3, 100);
        assertEquals(new AlarmDefinition.Evaluation(60, 1, 1), AlarmDefinition.SECRET_DELETION_SUCCEEDED.evaluation(lenient));
        assertEquals(new AlarmDefinition.Evaluation(3600, 3, 5), AlarmDefinition.SECRET_DELETION_FAILED.evaluation(lenient));
        assertEquals(new AlarmDefinition.Evaluation(3600, 3, 100), AlarmDefinition.KMS_ERRORS.evaluation(lenient));
    }

    private static List<Integer> notifications(AlarmDefinition alarm, Map<Integer, List<JsonObject>> timeline) {
        return notifications(alarm.filterPattern(DeletionAlarmPatternTest.SCOPE).render(), alarm.evaluation(PROD), timeline);
    }

    /** The minutes at which the alarm goes from OK into ALARM, evaluated at the end of every period. */
    private static List<Integer> notifications(String pattern, AlarmDefinition.Evaluation evaluation,
                                               Map<Integer, List<JsonObject>> timeline) {
        FilterPatternEvaluator.ParsedPattern filter = FilterPatternEvaluator.parse(pattern);
        int periodMinutes = evaluation.periodSeconds() / 60;
        int periods = 70 / periodMinutes + 1;
        int[] sums = new int[periods];
        timeline.forEach((minute, records) -> sums[minute / periodMinutes] +=
                (int) records.stream().filter(filter::matches).count());
        List<Integer> changesToAlarm = new ArrayList<>();
        boolean inAlarm = false;
        for (int period = 0; period < periods; period++) {
            boolean breaching = false;
            for (int back = 0; back < evaluation.evaluationPeriods() && period - back >= 0; back++) {
                breaching |= sums[period - back] >= evaluation.threshold();
            }
            if (breaching && !inAlarm) {
                changesToAlarm.add(period * periodMinutes);
            }
            inAlarm = breaching;
        }
        return changesToAlarm;
    }
}
