"""A stand-in for boto3 that answers CloudTrail LookupEvents from a JSON file of events.

Only what the key state script calls exists: boto3.client("cloudtrail"), get_paginator("lookup_events")
and paginate(LookupAttributes, StartTime, EndTime). Each event becomes its own page, so the script's
handling of several pages is exercised too.
"""
import json
import os
from datetime import datetime

with open(os.environ["LOOKUP_EVENTS"]) as file:
    EVENTS = [dict(event, EventTime=datetime.fromisoformat(event["EventTime"])) for event in json.load(file)]


class _Paginator:
    def paginate(self, LookupAttributes, StartTime, EndTime):
        [attribute] = LookupAttributes
        assert attribute["AttributeKey"] == "EventName", attribute
        matching = [event for event in EVENTS
                    if event["EventName"] == attribute["AttributeValue"] and StartTime <= event["EventTime"] <= EndTime]
        return [{"Events": [event]} for event in matching] or [{"Events": []}]


class _CloudTrail:
    def get_paginator(self, operation):
        assert operation == "lookup_events", operation
        return _Paginator()


def client(service):
    assert service == "cloudtrail", service
    return _CloudTrail()
