"""The stage's buckets (`wiring.BUCKETS`), and the bucket their access logs go to.

Each is private and stays so (every public access blocked, ACLs disabled), encrypted at rest
(SSE-S3), refuses any request without TLS, aborts uploads left incomplete, lets browsers POST
to it (CORS: clients upload with presigned POSTs, panacea.platform.storage), and logs every
request to the access-logs bucket. Only functions granted `Grant.STORE_UPLOADS` (put and get) or
`Grant.READ_UPLOADS` (get: presigned GETs) reach it, and only objects under `tenants/`
(`PanaceaFunction.store_uploads`, `PanaceaFunction.read_uploads`).

A disposable stage's buckets go with its stack (once emptied: CloudFormation does not delete a
bucket that holds objects); every other stage keeps them.
"""

from __future__ import annotations

from aws_cdk import Duration, Stack
from aws_cdk import aws_s3 as s3
from constructs import Construct

from infra import wiring
from infra.stacks.stage import Stage

ACCESS_LOG_DAYS = 365
LOGS_BY_BUCKET_POLICY = "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy"  # CDK's feature flag


class Buckets(Construct):
    def __init__(
        self, scope: Construct, id: str, *, stage: Stage, declared: tuple[wiring.Bucket, ...] = wiring.BUCKETS
    ) -> None:
        super().__init__(scope, id)
        # S3's log delivery is allowed by the access-logs bucket's policy, not by an ACL (ACLs stay off).
        self.node.set_context(LOGS_BY_BUCKET_POLICY, True)
        self.access_logs = s3.Bucket(
            self,
            "AccessLogs",
            encryption=s3.BucketEncryption.S3_MANAGED,  # what S3 server access logging delivers to
            block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
            enforce_ssl=True,
            object_ownership=s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
            lifecycle_rules=[s3.LifecycleRule(id="expire-access-logs", expiration=Duration.days(ACCESS_LOG_DAYS))],
            removal_policy=stage.removal_policy,
        )  # cdk-nag's S1 accepts a bucket that is itself an access-log destination
        self.by_name: dict[str, s3.Bucket] = {}
        for bucket in declared:
            self.by_name[bucket.name] = s3.Bucket(
                self,
                bucket.name.title(),
                encryption=s3.BucketEncryption.S3_MANAGED,
                block_public_access=s3.BlockPublicAccess.BLOCK_ALL,
                enforce_ssl=True,
                object_ownership=s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
                server_access_logs_bucket=self.access_logs,
                server_access_logs_prefix=f"{bucket.name}/",
                lifecycle_rules=[
                    s3.LifecycleRule(
                        id="abandoned-uploads",
                        abort_incomplete_multipart_upload_after=Duration.days(bucket.abandoned_upload_days),
                    )
                ],
                cors=[
                    s3.CorsRule(
                        allowed_methods=[s3.HttpMethods.GET, s3.HttpMethods.POST],
                        allowed_origins=list(bucket.upload_origins),
                        allowed_headers=["*"],
                        max_age=3000,
                    )
                ],
                removal_policy=stage.removal_policy,
            )

    def bucket(self, name: str) -> s3.Bucket:
        return self.by_name[name]

    def logical_id(self, name: str) -> str:
        """The bucket's logical id in the template (cdk-nag names findings by it)."""
        bucket = self.by_name[name]
        return str(Stack.of(bucket).get_logical_id(bucket.node.default_child))  # type: ignore[arg-type]
