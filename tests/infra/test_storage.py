"""The uploads bucket of the wiring: private, encrypted, TLS only, logged, incomplete uploads
aborted, browsers allowed to POST; only the functions granted it reach it, and only under
`tenants/`, where they may put and get objects (or only get them) and nothing else."""

from __future__ import annotations

from typing import Any

from infra import wiring
from infra.stacks.functions import READ_UPLOAD_ACTIONS, UPLOAD_ACTIONS
from tests.infra.template import Synthesized, as_list, join, statements


def _uploads(synthesized: Synthesized) -> tuple[str, dict[str, Any]]:
    logged = [(k, p) for k, p in synthesized.props("AWS::S3::Bucket").items() if "LoggingConfiguration" in p]
    (found,) = logged
    return found


def test_the_uploads_bucket_is_private_encrypted_logged_and_cleans_up_abandoned_uploads(synthesized: Synthesized):
    # Given the bucket uploads go to
    bucket_id, props = _uploads(synthesized)
    # Then it is encrypted at rest and closed to the public, with ACLs disabled
    (rule,) = props["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert rule["ServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    assert props["PublicAccessBlockConfiguration"] == dict.fromkeys(
        ("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"), True
    )
    assert props["OwnershipControls"]["Rules"] == [{"ObjectOwnership": "BucketOwnerEnforced"}]
    # And incomplete uploads are aborted after the declared days
    (lifecycle,) = props["LifecycleConfiguration"]["Rules"]
    assert lifecycle["AbortIncompleteMultipartUpload"] == {"DaysAfterInitiation": wiring.UPLOADS.abandoned_upload_days}
    # And browsers may POST (presigned forms) and GET, from the declared origins
    (cors,) = props["CorsConfiguration"]["CorsRules"]
    assert sorted(cors["AllowedMethods"]) == ["GET", "POST"]
    assert cors["AllowedOrigins"] == list(wiring.UPLOADS.upload_origins)
    # And its requests are logged to the access-logs bucket, which expires them
    logs_id = props["LoggingConfiguration"]["DestinationBucketName"]["Ref"]
    assert synthesized.props("AWS::S3::Bucket")[logs_id]["LifecycleConfiguration"]["Rules"][0]["ExpirationInDays"] > 0
    # And both refuse every request made without TLS
    for bucket in (bucket_id, logs_id):
        (policy,) = [p for p in synthesized.props("AWS::S3::BucketPolicy").values() if p["Bucket"] == {"Ref": bucket}]
        denied = [s for s in policy["PolicyDocument"]["Statement"] if s["Effect"] == "Deny"]
        assert [(s["Action"], s["Condition"]) for s in denied] == [("s3:*", {"Bool": {"aws:SecureTransport": "false"}})]


def test_only_functions_granted_uploads_reach_the_bucket_and_only_under_tenants(synthesized: Synthesized):
    # Given every statement that allows an S3 action
    bucket_id, _ = _uploads(synthesized)
    s3 = [
        (policy, s) for policy, s in statements(synthesized) if any(a.startswith("s3:") for a in as_list(s["Action"]))
    ]
    granted = {
        policy.split("Role")[0].removeprefix("Functions"): s for policy, s in s3 if policy.startswith("Functions")
    }
    assert len(granted) == len([policy for policy, _ in s3 if policy.startswith("Functions")])  # one statement each
    # Then each function granted STORE_UPLOADS puts and gets objects under tenants/, each granted READ_UPLOADS
    # only gets them (presigned GETs of a tenant's logo), and no function else has S3
    storing = [f.name for f in wiring.FUNCTIONS if wiring.Grant.STORE_UPLOADS in f.grants]
    reading = [f.name for f in wiring.FUNCTIONS if wiring.Grant.READ_UPLOADS in f.grants]
    assert storing == ["CatalogApi", "RecordsApi"]
    assert reading == ["EngagementSenders", "EngagementTemplatesApi"]
    assert sorted(granted) == sorted(storing + reading)
    for name, statement in granted.items():
        actions = UPLOAD_ACTIONS if name in storing else READ_UPLOAD_ACTIONS
        assert sorted(as_list(statement["Action"])) == sorted(actions), name
        assert [join(r) for r in as_list(statement["Resource"])] == [f"<{bucket_id}.Arn>/tenants/*"]


def test_every_function_is_told_the_buckets_name(synthesized: Synthesized):
    bucket_id, _ = _uploads(synthesized)
    for fn in wiring.FUNCTIONS:
        props = synthesized.props("AWS::Lambda::Function")[synthesized.function_id(fn.name)]
        assert props["Environment"]["Variables"][wiring.UPLOADS.environment] == {"Ref": bucket_id}
