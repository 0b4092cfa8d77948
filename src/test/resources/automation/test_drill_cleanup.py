"""The drill check of the remediation document against real boto3, with botocore's Stubber.

Stubber checks every ListResourceTags and DescribeSecret request and stubbed response against the KMS and
Secrets Manager API models. Usage: test_drill_cleanup.py <script file>; prints one JSON line per case (name,
outcome, detail) and exits non-zero if any case failed.
"""
import json
import sys
import unittest
from datetime import datetime, timezone
from unittest import mock

import boto3
from botocore.stub import Stubber

from test_key_state import JsonLinesResult

SCRIPT_FILE = None
KEY = "arn:aws:kms:eu-central-1:444444444444:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
SECRET = "arn:aws:secretsmanager:eu-central-1:444444444444:secret:deletion-guard-drill-1796198400-AbCdEf"
DRILL = {"TagKey": "deletion-guard-drill", "TagValue": "true"}
CLEANUP = {"TagKey": "deletion-guard-drill", "TagValue": "cleanup"}
OWNER = {"TagKey": "owner", "TagValue": "payments"}


class DrillCleanupScriptTest(unittest.TestCase):
    def setUp(self):
        namespace = {}
        with open(SCRIPT_FILE) as file:
            exec(compile(file.read(), SCRIPT_FILE, "exec"), namespace)
        self.script = namespace
        self.clients = {}
        self.stubbers = {}
        for service in ("kms", "secretsmanager"):
            client = boto3.client(service, region_name="eu-central-1", aws_access_key_id="testing",
                                  aws_secret_access_key="testing", config=namespace["CLIENT_CONFIG"])
            self.clients[service] = client
            self.stubbers[service] = Stubber(client)
        patcher = mock.patch.object(boto3, "client", lambda service, **kwargs: self.clients[service])
        patcher.start()
        self.addCleanup(patcher.stop)

    def key_tags_answer(self, tags, next_marker=None, expected_marker=None):
        page = {"Tags": tags, "Truncated": next_marker is not None}
        if next_marker:
            page["NextMarker"] = next_marker
        expected = {"KeyId": KEY}
        if expected_marker:
            expected["Marker"] = expected_marker
        self.stubbers["kms"].add_response("list_resource_tags", page, expected)

    def secret_answer(self, tags):
        described = {"ARN": SECRET, "Name": "deletion-guard-drill-1796198400",
                     "DeletedDate": datetime(2026, 12, 2, 9, 0, tzinfo=timezone.utc)}
        if tags is not None:
            described["Tags"] = [{"Key": tag["TagKey"], "Value": tag["TagValue"]} for tag in tags]
        self.stubbers["secretsmanager"].add_response("describe_secret", described, {"SecretId": SECRET})

    def run_script(self, event_name):
        payload = {"EventName": event_name, "KeyArn": KEY if event_name == "ScheduleKeyDeletion" else "",
                   "SecretId": SECRET if event_name == "DeleteSecret" else ""}
        with self.stubbers["kms"], self.stubbers["secretsmanager"]:
            result = self.script["drill_cleanup"](payload, None)
            for stubber in self.stubbers.values():
                stubber.assert_no_pending_responses()
        return result

    def test_a_key_marked_for_the_drills_cleanup_is_left_deleted(self):
        self.key_tags_answer([OWNER, CLEANUP])
        result = self.run_script("ScheduleKeyDeletion")
        self.assertFalse(result["Remediate"], result)
        self.assertIn("deletion-guard-drill=cleanup", result["Evidence"])

    def test_a_secret_marked_for_the_drills_cleanup_is_left_deleted(self):
        self.secret_answer([CLEANUP])
        self.assertFalse(self.run_script("DeleteSecret")["Remediate"])

    def test_the_drill_key_while_the_drill_proves_remediation_is_remediated(self):
        self.key_tags_answer([DRILL])
        self.assertTrue(self.run_script("ScheduleKeyDeletion")["Remediate"])

    def test_the_drill_secret_while_the_drill_proves_remediation_is_remediated(self):
        self.secret_answer([DRILL])
        self.assertTrue(self.run_script("DeleteSecret")["Remediate"])

    def test_a_key_without_the_drill_tag_is_remediated(self):
        self.key_tags_answer([OWNER])
        result = self.run_script("ScheduleKeyDeletion")
        self.assertTrue(result["Remediate"], result)
        self.assertIn("not marked", result["Evidence"])

    def test_a_secret_without_tags_is_remediated(self):
        self.secret_answer(None)
        self.assertTrue(self.run_script("DeleteSecret")["Remediate"])

    def test_the_cleanup_value_on_another_tag_key_is_remediated(self):
        """Only the drill tag is the deployer's alone: the same value under any other key proves nothing."""
        self.key_tags_answer([{"TagKey": "drill", "TagValue": "cleanup"}, {"TagKey": "deletion-guard-drill-cleanup", "TagValue": "cleanup"}])
        self.assertTrue(self.run_script("ScheduleKeyDeletion")["Remediate"])

    def test_a_value_spelled_otherwise_is_remediated(self):
        self.key_tags_answer([{"TagKey": "deletion-guard-drill", "TagValue": "Cleanup"}])
        self.assertTrue(self.run_script("ScheduleKeyDeletion")["Remediate"])

    def test_tags_on_a_later_page_are_read(self):
        self.key_tags_answer([OWNER], next_marker="page-2")
        self.key_tags_answer([CLEANUP], expected_marker="page-2")
        self.assertFalse(self.run_script("ScheduleKeyDeletion")["Remediate"])

    def test_tags_that_cannot_be_read_leave_the_deletion_to_be_undone(self):
        self.stubbers["kms"].add_client_error("list_resource_tags", service_error_code="AccessDeniedException",
                                              http_status_code=400, expected_params={"KeyId": KEY})
        result = self.run_script("ScheduleKeyDeletion")
        self.assertTrue(result["Remediate"], result)
        self.assertIn("AccessDeniedException", result["Evidence"])

    def test_a_secret_that_cannot_be_described_is_restored(self):
        self.stubbers["secretsmanager"].add_client_error("describe_secret", service_error_code="ResourceNotFoundException",
                                                         http_status_code=400, expected_params={"SecretId": SECRET})
        self.assertTrue(self.run_script("DeleteSecret")["Remediate"])


if __name__ == "__main__":
    SCRIPT_FILE = sys.argv[1]
    result = JsonLinesResult()
    unittest.defaultTestLoader.loadTestsFromTestCase(DrillCleanupScriptTest).run(result)
    for line in result.lines:
        print(json.dumps(line))
    sys.exit(0 if result.wasSuccessful() and result.lines else 1)
