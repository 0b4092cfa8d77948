"""The summary script of the summarize-events document against real boto3, with botocore's Stubber.

Stubber checks every StartQuery, GetQueryResults, StopQuery and Publish request and every stubbed response
against the CloudWatch Logs and SNS API models, and the expected parameters of each request. Time is a fake
clock: sleeping advances it, so no case really waits. Usage: test_summarize_events.py <script file>; prints one
JSON line per case (name, outcome, detail) and exits non-zero if any case failed.
"""
import json
import sys
import unittest
from datetime import datetime, timedelta, timezone
from unittest import mock

import boto3
from botocore.stub import ANY, Stubber

from test_key_state import FakeClock, JsonLinesResult

SCRIPT_FILE = None
NOW = datetime(2026, 12, 2, 6, 0, 0, tzinfo=timezone.utc)
LOG_GROUP = "/aws/events/deletion-guard-ephemeral-events"
TOPIC = "arn:aws:sns:eu-central-1:999999999999:deletion-guard-notices"
QUERY_ID = "12ab3456-12ab-123a-789e-1234567890ab"
PIPELINE = "arn:aws:iam::111122223333:role/pipeline/deployer"
SANDBOX = "555566667777"
PAYLOAD = {"LogGroupName": LOG_GROUP, "StartTime": "", "LeadMinutes": 0, "LookbackMinutes": 1440, "IssuerArns": [],
           "Subject": "deletion-guard: daily digest of sandboxes", "Heading": "Deletions in the ephemeral scopes: sandboxes",
           "Hint": "Nothing here was undone.", "TopicArn": TOPIC}


def row(account=SANDBOX, event="ScheduleKeyDeletion", resource="1234abcd-12ab-34cd-56ef-1234567890ab",
        caller="arn:aws:sts::555566667777:assumed-role/teardown/ci", error="-",
        issuer="arn:aws:iam::555566667777:role/teardown", count=1):
    fields = {"acct": account, "rgn": "eu-central-1", "evt": event, "res": resource, "caller": caller, "err": error,
              "issuer": issuer, "events": str(count)}
    return [{"field": name, "value": value} for name, value in fields.items()]


class SummarizeEventsTest(unittest.TestCase):
    def setUp(self):
        namespace = {}
        with open(SCRIPT_FILE) as file:
            exec(compile(file.read(), SCRIPT_FILE, "exec"), namespace)
        self.clock = FakeClock(NOW)
        namespace["now"] = self.clock.now
        namespace["sleep"] = self.clock.sleep
        self.script = namespace
        credentials = {"region_name": "eu-central-1", "aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
        self.clients = {service: boto3.client(service, config=namespace["CLIENT_CONFIG"], **credentials)
                        for service in ("logs", "sns")}
        self.stubbers = {service: Stubber(client) for service, client in self.clients.items()}
        patcher = mock.patch.object(boto3, "client", lambda service, **kwargs: self.clients[service])
        patcher.start()
        self.addCleanup(patcher.stop)

    def query_started(self, start=NOW - timedelta(days=1), end=NOW):
        self.stubbers["logs"].add_response("start_query", {"queryId": QUERY_ID}, {
            "logGroupName": LOG_GROUP, "startTime": int(start.timestamp()), "endTime": int(end.timestamp()),
            "queryString": self.script["QUERY"], "limit": 10000})

    def query_answers(self, status, results=()):
        self.stubbers["logs"].add_response("get_query_results", {"status": status, "results": list(results)},
                                           {"queryId": QUERY_ID})

    def published(self):
        self.stubbers["sns"].add_response("publish", {"MessageId": "m-1"}, {
            "TopicArn": TOPIC, "Subject": "deletion-guard: daily digest of sandboxes", "Message": ANY})

    def run_script(self, **payload):
        for stubber in self.stubbers.values():
            stubber.activate()
        try:
            result = self.script["summarize"](dict(PAYLOAD, **payload), None)
            for stubber in self.stubbers.values():
                stubber.assert_no_pending_responses()
            return result
        finally:
            for stubber in self.stubbers.values():
                stubber.deactivate()

    def capture_publish(self):
        self.publish_calls = []
        self.clients["sns"].meta.events.register(
            "provide-client-params.sns.Publish", lambda params, **kwargs: self.publish_calls.append(params))

    def test_the_query_covers_the_lookback_window_of_the_log_group(self):
        self.query_started()
        self.query_answers("Complete", [])
        self.assertEqual({"MatchedEvents": 0, "Published": False, "MessageId": ""}, self.run_script())

    def test_the_window_starts_a_lead_before_the_given_start(self):
        self.query_started(start=datetime(2026, 12, 2, 5, 25, tzinfo=timezone.utc))
        self.query_answers("Complete", [])
        self.run_script(StartTime="2026-12-02T05:30:00Z", LeadMinutes=5)

    def test_an_alarm_state_timestamp_with_its_compact_offset_is_a_start(self):
        # CloudWatch writes previousState.timestamp as 2026-12-02T05:30:00.000+0000 (the pipeline-run rule passes it).
        self.query_started(start=datetime(2026, 12, 2, 5, 20, tzinfo=timezone.utc))
        self.query_answers("Complete", [])
        self.run_script(StartTime="2026-12-02T05:30:00.000+0000", LeadMinutes=10)

    def test_a_start_after_now_is_refused(self):
        with self.assertRaises(ValueError):
            self.run_script(StartTime="2026-12-02T07:00:00Z")

    def test_nothing_matched_publishes_nothing(self):
        self.query_started()
        self.query_answers("Complete", [])
        result = self.run_script()
        self.assertFalse(result["Published"])

    def test_the_query_is_polled_until_complete(self):
        self.query_started()
        self.query_answers("Scheduled")
        self.query_answers("Running")
        self.query_answers("Complete", [row()])
        self.published()
        result = self.run_script()
        self.assertEqual({"MatchedEvents": 1, "Published": True, "MessageId": "m-1"}, result)
        self.assertEqual([5, 5], self.clock.sleeps)

    def test_the_message_is_a_table_by_account_region_event_resource_caller_and_error(self):
        self.capture_publish()
        self.query_started()
        self.query_answers("Complete", [row(count=3), row(event="DeleteSecret", resource="sandbox/db", error="-", count=2),
                                        row(account="555566668888", error="AccessDeniedException")])
        self.published()
        self.assertEqual(6, self.run_script()["MatchedEvents"])
        [params] = self.publish_calls
        lines = params["Message"].splitlines()
        self.assertEqual("Deletions in the ephemeral scopes: sandboxes", lines[0])
        self.assertIn("6 event(s) from 2026-12-01 06:00 UTC to 2026-12-02 06:00 UTC in " + LOG_GROUP, lines[2])
        self.assertEqual(["account", "region", "eventName", "resource", "caller", "errorCode", "count"], lines[4].split())
        self.assertEqual([SANDBOX, "eu-central-1", "DeleteSecret", "sandbox/db",
                          "arn:aws:sts::555566667777:assumed-role/teardown/ci", "-", "2"], lines[6].split())
        self.assertIn("AccessDeniedException", lines[7])
        self.assertEqual("Nothing here was undone.", lines[-1])

    def test_issuer_arns_keep_only_those_sessions_with_any_account(self):
        self.capture_publish()
        self.query_started()
        self.query_answers("Complete", [row(issuer=PIPELINE, count=4),
                                        row(issuer=PIPELINE.replace("111122223333", "444455556666"), count=1),
                                        row(issuer="arn:aws:iam::111122223333:role/pipeline/deployer-2", count=7),
                                        row(issuer="-", count=9)])
        self.published()
        result = self.run_script(IssuerArns=["arn:aws:iam::*:role/pipeline/deployer"])
        self.assertEqual(5, result["MatchedEvents"])
        self.assertNotIn("deployer-2", self.publish_calls[0]["Message"])

    def test_a_role_whose_path_ends_like_an_any_account_pipeline_role_is_not_that_role(self):
        self.query_started()
        self.query_answers("Complete", [row(issuer="arn:aws:iam::444455556666:role/x:role/pipeline/deployer", count=3)])
        result = self.run_script(IssuerArns=["arn:aws:iam::*:role/pipeline/deployer"])
        self.assertEqual({"MatchedEvents": 0, "Published": False, "MessageId": ""}, result)

    def test_issuer_arns_that_match_nothing_publish_nothing(self):
        self.query_started()
        self.query_answers("Complete", [row(count=2)])
        result = self.run_script(IssuerArns=[PIPELINE])
        self.assertEqual({"MatchedEvents": 0, "Published": False, "MessageId": ""}, result)

    def test_a_wildcard_is_honoured_only_as_the_account(self):
        self.query_started()
        self.query_answers("Complete", [row(issuer=PIPELINE)])
        self.assertFalse(self.run_script(IssuerArns=["arn:aws:iam::111122223333:role/*"])["Published"])

    def test_more_than_fifty_rows_are_cut_with_how_many_more(self):
        self.capture_publish()
        self.query_started()
        self.query_answers("Complete", [row(resource="key-" + str(i), count=60 - i) for i in range(58)])
        self.published()
        self.run_script()
        message = self.publish_calls[0]["Message"]
        self.assertIn("key-49 ", message)
        self.assertNotIn("key-50 ", message)
        self.assertIn("and 8 more row(s), " + str(sum(60 - i for i in range(50, 58))) + " event(s)", message)

    def test_event_values_are_one_line_of_plain_text(self):
        self.capture_publish()
        self.query_started()
        forged = "x\n\nAll clear: nothing was deleted\u202e\x1b[2J" + "y" * 500
        self.query_answers("Complete", [row(resource=forged)])
        self.published()
        self.run_script()
        message = self.publish_calls[0]["Message"]
        [line] = [line for line in message.splitlines() if "All clear" in line]
        self.assertTrue(line.startswith(SANDBOX))
        self.assertNotIn("\u202e", message)
        self.assertNotIn("\x1b", message)
        self.assertLess(len(line), 600)

    def test_the_subject_fits_sns(self):
        self.capture_publish()
        self.query_started()
        self.query_answers("Complete", [row()])
        self.stubbers["sns"].add_response("publish", {"MessageId": "m-2"})
        self.run_script(Subject="deletion-guard: \u00fcber\n" + "s" * 200)
        subject = self.publish_calls[0]["Subject"]
        self.assertLess(len(subject), 100)
        self.assertTrue(all(" " <= c <= "~" for c in subject))

    def test_a_failed_query_fails_the_step(self):
        self.query_started()
        self.query_answers("Running")
        self.query_answers("Failed")
        with self.assertRaises(RuntimeError) as raised:
            self.run_script()
        self.assertIn("Failed", str(raised.exception))

    def test_a_query_that_does_not_finish_in_time_is_stopped_and_fails_the_step(self):
        self.query_started()
        # Polled every 5 s from 0 through 480 s, the 8 minutes the script waits at most.
        for _ in range(97):
            self.query_answers("Running")
        self.stubbers["logs"].add_response("stop_query", {"success": True}, {"queryId": QUERY_ID})
        with self.assertRaises(TimeoutError):
            self.run_script()
        self.assertEqual(NOW + timedelta(minutes=8), self.clock.time)

    def test_an_access_error_fails_the_step(self):
        self.stubbers["logs"].add_client_error("start_query", service_error_code="AccessDeniedException",
                                               service_message="not authorized", http_status_code=400)
        with self.assertRaises(Exception) as raised:
            self.run_script()
        self.assertIn("AccessDeniedException", str(raised.exception))


if __name__ == "__main__":
    SCRIPT_FILE = sys.argv[1]
    result = JsonLinesResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(SummarizeEventsTest).run(result)
    for line in result.lines:
        print(json.dumps(line))
    sys.exit(0 if result.wasSuccessful() and result.lines else 1)
