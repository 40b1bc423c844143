"""Expands a SAM template into the CloudFormation that CloudFormation itself would deploy.

Usage: python3 sam-expand.py TEMPLATE > expanded.json

Uses aws-sam-translator, the library behind `sam deploy` and CloudFormation's
AWS::Serverless transform, with what `sam package` would do first: every CodeUri
rewritten to an S3 location. Short-form tags (!Ref, !GetAtt, ...) are read with
cfn-lint's own YAML loader. No AWS call is made: the managed-policy loader is
never consulted, because the template names no SAM policy templates or managed
policies by name (and says so by failing here if it did).
"""
import json
import os
import sys

from cfnlint.decode import cfn_yaml
from samtranslator.translator.transform import transform


class NoManagedPolicies:
    def load(self):
        raise SystemExit("the template asks SAM for AWS managed policies by name; it should name none")


def main(path):
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    template = cfn_yaml.load(path)
    for resource in template.get("Resources", {}).values():
        if resource.get("Type") == "AWS::Serverless::Function":
            resource.setdefault("Properties", {})["CodeUri"] = "s3://packaged-code/astrocloud-lambda.zip"
    globals_fn = template.get("Globals", {}).get("Function", {})
    if "CodeUri" in globals_fn:
        globals_fn["CodeUri"] = "s3://packaged-code/astrocloud-lambda.zip"
    expanded = transform(template, {}, NoManagedPolicies())
    json.dump(expanded, sys.stdout, indent=1, sort_keys=True, default=str)


if __name__ == "__main__":
    main(sys.argv[1])
