"""Runs the handler of an Automation script file with a JSON payload and prints its result as JSON.

Usage: run_script.py <script file> <handler> <payload JSON>. boto3 is replaced by fake_boto3.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fake_boto3  # noqa: E402

sys.modules["boto3"] = fake_boto3

script_file, handler, payload = sys.argv[1:4]
namespace = {}
with open(script_file) as file:
    exec(compile(file.read(), script_file, "exec"), namespace)
print(json.dumps(namespace[handler](json.loads(payload), None)))
