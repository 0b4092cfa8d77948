"""The key state script of the remediation document against real boto3, with botocore's Stubber.

Stubber checks every LookupEvents request and every stubbed response against CloudTrail's API model,
and the expected parameters of each request. Time is a fake clock: sleeping advances it, so no case
really waits. Usage: test_key_state.py <script file>; prints one JSON line per case (name, outcome,
detail) and exits non-zero if any case failed.
"""
import json
import sys
import unittest
from datetime import datetime, timedelta, timezone
from unittest import mock

import boto3
from botocore.stub import Stubber

SCRIPT_FILE = None
KEY = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
TRIGGER_ID = "3c4226b0-1e81-48a8-a333-7fa5f3cbd118"
SCHEDULED_AT = datetime(2026, 11, 20, 9, 0, 0, tzinfo=timezone.utc)
PAYLOAD = {"KeyArn": KEY, "EventId": TRIGGER_ID, "ScheduledAt": "2026-11-20T09:00:00Z"}
LOOKUP = {"LookupAttributes": [{"AttributeKey": "ResourceName", "AttributeValue": KEY}],
          "StartTime": SCHEDULED_AT - timedelta(days=89), "EndTime": SCHEDULED_AT}


def event(name, at, event_id=None, error=None):
    """One LookupEvents result for the key, with its CloudTrail record as CloudTrail writes it."""
    record = {"eventVersion": "1.08", "eventTime": at.strftime("%Y-%m-%dT%H:%M:%SZ"), "eventSource": "kms.amazonaws.com",
              "eventName": name, "awsRegion": "eu-central-1", "eventID": event_id or name + at.isoformat(),
              "resources": [{"accountId": "111122223333", "type": "AWS::KMS::Key", "ARN": KEY}],
              "recipientAccountId": "111122223333"}
    if error:
        record["errorCode"] = error
    return {"EventId": record["eventID"], "EventName": name, "ReadOnly": "false", "EventTime": at,
            "EventSource": "kms.amazonaws.com", "Username": "Alice",
            "Resources": [{"ResourceType": "AWS::KMS::Key", "ResourceName": KEY}],
            "CloudTrailEvent": json.dumps(record)}


TRIGGER = event("ScheduleKeyDeletion", SCHEDULED_AT, TRIGGER_ID)


def before(**delta):
    return SCHEDULED_AT - timedelta(**delta)


class FakeClock:
    def __init__(self, start):
        self.time = start
        self.sleeps = []
        self.on_sleep = lambda: None

    def now(self):
        return self.time

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.time += timedelta(seconds=seconds)
        self.on_sleep()


class KeyStateScriptTest(unittest.TestCase):
    def setUp(self):
        namespace = {}
        with open(SCRIPT_FILE) as file:
            exec(compile(file.read(), SCRIPT_FILE, "exec"), namespace)
        self.clock = FakeClock(SCHEDULED_AT + timedelta(minutes=1))
        namespace["now"] = self.clock.now
        namespace["sleep"] = self.clock.sleep
        self.script = namespace
        self.client = boto3.client("cloudtrail", region_name="eu-central-1", aws_access_key_id="testing",
                                   aws_secret_access_key="testing", config=namespace["CLIENT_CONFIG"])
        self.stubber = Stubber(self.client)
        self.client_kwargs = []

        def client(service, **kwargs):
            self.assertEqual("cloudtrail", service)
            self.client_kwargs.append(kwargs)
            return self.client

        patcher = mock.patch.object(boto3, "client", client)
        patcher.start()
        self.addCleanup(patcher.stop)

    def lookup_answers(self, events, next_token=None, expected_token=None):
        page = {"Events": events}
        if next_token:
            page["NextToken"] = next_token
        expected = dict(LOOKUP, NextToken=expected_token) if expected_token else LOOKUP
        self.stubber.add_response("lookup_events", page, expected)

    def run_script(self):
        with self.stubber:
            result = self.script["was_enabled_before"](dict(PAYLOAD), None)
            self.stubber.assert_no_pending_responses()
        return result

    def assertDecision(self, decision, was_enabled, evidence_part, result):
        self.assertEqual((decision, was_enabled), (result["Decision"], result["WasEnabled"]), result)
        self.assertIn(evidence_part, result["Evidence"])

    def test_an_enabled_key_in_use_is_re_enabled(self):
        self.lookup_answers([TRIGGER, event("Decrypt", before(seconds=40)), event("EnableKey", before(days=3))])
        self.assertDecision("Enabled", True, "last shown by Decrypt at 2026-11-20T08:59:20+00:00 by Alice",
                            self.run_script())
        self.assertEqual([], self.clock.sleeps)

    def test_lookups_are_by_the_key_arn_with_adaptive_retries(self):
        self.lookup_answers([TRIGGER, event("EnableKey", before(days=3))])
        self.run_script()
        [kwargs] = self.client_kwargs
        self.assertEqual("adaptive", kwargs["config"].retries["mode"])
        self.assertEqual("adaptive", self.client.meta.config.retries["mode"])

    def test_a_key_disabled_seconds_before_the_deletion_stays_disabled(self):
        self.lookup_answers([TRIGGER, event("DisableKey", before(seconds=3)), event("Decrypt", before(seconds=30))])
        self.assertDecision("Disabled", False, "last shown by DisableKey at 2026-11-20T08:59:57+00:00",
                            self.run_script())

    def test_a_key_enabled_again_after_being_disabled_is_re_enabled(self):
        self.lookup_answers([TRIGGER, event("EnableKey", before(days=1)), event("DisableKey", before(days=2))])
        self.assertDecision("Enabled", True, "EnableKey at 2026-11-19T09:00:00+00:00", self.run_script())

    def test_a_disable_in_the_second_of_the_deletion_wins_over_a_use_in_that_second(self):
        self.lookup_answers([event("Decrypt", SCHEDULED_AT), TRIGGER, event("DisableKey", SCHEDULED_AT),
                             event("EnableKey", before(days=1))])
        self.assertDecision("Disabled", False, "DisableKey at 2026-11-20T09:00:00+00:00", self.run_script())

    def test_an_earlier_cancelled_deletion_left_the_key_disabled(self):
        self.lookup_answers([TRIGGER, event("CancelKeyDeletion", before(days=1)), event("Decrypt", before(days=2))])
        self.assertDecision("Disabled", False, "CancelKeyDeletion", self.run_script())

    def test_failed_calls_show_nothing(self):
        self.lookup_answers([TRIGGER, event("DisableKey", before(minutes=1), error="AccessDeniedException"),
                             event("Decrypt", before(minutes=2), error="KMSInvalidStateException"),
                             event("Encrypt", before(hours=1))])
        self.assertDecision("Enabled", True, "Encrypt at", self.run_script())

    def test_history_without_any_state_leaves_the_key_disabled(self):
        self.lookup_answers([TRIGGER, event("DescribeKey", before(days=1)), event("TagResource", before(days=2))])
        self.assertDecision("Undetermined", False, "the key stays Disabled", self.run_script())

    def test_history_lag_is_waited_for_with_backoff(self):
        self.lookup_answers([event("Decrypt", before(minutes=2))])
        self.lookup_answers([event("Decrypt", before(minutes=2))])
        self.lookup_answers([TRIGGER, event("DisableKey", before(seconds=5))])
        self.assertDecision("Disabled", False, "DisableKey", self.run_script())
        self.assertEqual([5, 10], self.clock.sleeps)

    def test_history_that_never_catches_up_leaves_the_key_disabled_and_says_so(self):
        lagging = [event("DisableKey", before(days=5)), event("EnableKey", before(days=1))][::-1]
        self.clock.on_sleep = lambda: self.lookup_answers(lagging)
        self.lookup_answers(lagging)
        results = [self.run_script()]
        # The document runs the step again while history is behind; the deadline ends that.
        while results[-1]["Decision"] == "HistoryBehind" and len(results) < 5:
            self.assertIn("looking again", results[-1]["Evidence"])
            self.assertLessEqual(self.clock.time, SCHEDULED_AT + timedelta(minutes=15))
            self.lookup_answers(lagging)
            results.append(self.run_script())

        self.assertEqual(["HistoryBehind", "HistoryBehind", "HistoryIncomplete"], [r["Decision"] for r in results])
        self.assertDecision("HistoryIncomplete", False, "the key stays Disabled", results[-1])
        self.assertIn("within 0:15:00", results[-1]["Evidence"])
        self.assertLessEqual(self.clock.time, SCHEDULED_AT + timedelta(minutes=15))
        self.assertEqual(60, max(self.clock.sleeps))

    def test_throttling_is_backed_off(self):
        self.stubber.add_client_error("lookup_events", service_error_code="ThrottlingException",
                                      service_message="Rate exceeded", http_status_code=400, expected_params=LOOKUP)
        self.lookup_answers([TRIGGER, event("EnableKey", before(days=1))])
        self.assertDecision("Enabled", True, "EnableKey", self.run_script())
        self.assertEqual([5], self.clock.sleeps)

    def test_other_errors_fail_the_step(self):
        self.stubber.add_client_error("lookup_events", service_error_code="AccessDeniedException",
                                      service_message="not authorized", http_status_code=400, expected_params=LOOKUP)
        with self.stubber, self.assertRaises(Exception) as raised:
            self.script["was_enabled_before"](dict(PAYLOAD), None)
        self.assertIn("AccessDeniedException", str(raised.exception))

    def test_pages_are_read_until_the_state_shows(self):
        self.lookup_answers([event("Decrypt", SCHEDULED_AT, error="KMSInvalidStateException"), TRIGGER],
                            next_token="page-2")
        self.lookup_answers([event("DescribeKey", before(minutes=5))], next_token="page-3", expected_token="page-2")
        # The older event after the deciding one ends the reading: page 4 is never asked for.
        self.lookup_answers([event("DisableKey", before(days=7)), event("EnableKey", before(days=8))],
                            next_token="page-4", expected_token="page-3")
        self.assertDecision("Disabled", False, "DisableKey", self.run_script())

    def test_a_deletion_scheduled_in_the_future_is_refused(self):
        self.clock.time = SCHEDULED_AT - timedelta(hours=1)
        with self.stubber, self.assertRaises(ValueError):
            self.script["was_enabled_before"](dict(PAYLOAD), None)


class JsonLinesResult(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.lines = []

    def addSuccess(self, test):
        self.lines.append({"name": test._testMethodName, "outcome": "passed", "detail": ""})

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self.lines.append({"name": test._testMethodName, "outcome": "failed", "detail": self.failures[-1][1]})

    def addError(self, test, err):
        super().addError(test, err)
        self.lines.append({"name": test._testMethodName, "outcome": "failed", "detail": self.errors[-1][1]})


if __name__ == "__main__":
    SCRIPT_FILE = sys.argv[1]
    result = JsonLinesResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(KeyStateScriptTest).run(result)
    for line in result.lines:
        print(json.dumps(line))
    sys.exit(0 if result.wasSuccessful() and result.lines else 1)
