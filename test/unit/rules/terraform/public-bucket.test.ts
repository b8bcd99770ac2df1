import { ruleTester } from '../../../helpers/rule-tester';

ruleTester('terraform/public-bucket', {
  valid: [
    { name: 'private ACL', code: 'resource "aws_s3_bucket" "logs" {\n  bucket = "logs"\n  acl    = "private"\n}\n' },
    { name: 'log-delivery-write is not public', code: 'resource "aws_s3_bucket_acl" "logs" {\n  bucket = aws_s3_bucket.logs.id\n  acl    = "log-delivery-write"\n}\n' },
    {
      name: 'public access block with all four flags',
      code: 'resource "aws_s3_bucket_public_access_block" "logs" {\n  bucket                  = aws_s3_bucket.logs.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
    },
    { name: 'flags from a variable without default are unknown', code: 'variable "strict" {}\n\nresource "aws_s3_bucket_public_access_block" "logs" {\n  block_public_acls       = var.strict\n  block_public_policy     = var.strict\n  ignore_public_acls      = var.strict\n  restrict_public_buckets = var.strict\n}\n' },
    { name: 'GCS member that is a group', code: 'resource "google_storage_bucket_iam_member" "reader" {\n  bucket = "b"\n  role   = "roles/storage.objectViewer"\n  member = "group:data@example.com"\n}\n' },
    { name: 'private Azure container', code: 'resource "azurerm_storage_container" "c" {\n  name                  = "c"\n  container_access_type = "private"\n}\n' },
  ],
  invalid: [
    {
      name: 'public-read ACL on the bucket: fix sets private',
      code: 'resource "aws_s3_bucket" "site" {\n  bucket = "site"\n  acl    = "public-read"\n}\n',
      errors: [{ range: '2:11-2:24', severity: 'error', messageIncludes: 'public-read' }],
      output: 'resource "aws_s3_bucket" "site" {\n  bucket = "site"\n  acl    = "private"\n}\n',
    },
    {
      name: 'aws_s3_bucket_acl with authenticated-read',
      code: 'resource "aws_s3_bucket_acl" "site" {\n  bucket = aws_s3_bucket.site.id\n  acl    = "authenticated-read"\n}\n',
      errors: [{ range: '2:11-2:31' }],
      output: 'resource "aws_s3_bucket_acl" "site" {\n  bucket = aws_s3_bucket.site.id\n  acl    = "private"\n}\n',
    },
    {
      name: 'a flag set to false: fix sets true',
      code: 'resource "aws_s3_bucket_public_access_block" "site" {\n  bucket                  = aws_s3_bucket.site.id\n  block_public_acls       = true\n  block_public_policy     = false\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
      errors: [{ range: '3:28-3:33', messageIncludes: 'block_public_policy' }],
      output: 'resource "aws_s3_bucket_public_access_block" "site" {\n  bucket                  = aws_s3_bucket.site.id\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
    },
    {
      name: 'absent flags default to false: one finding at the header, fix inserts them',
      code: 'resource "aws_s3_bucket_public_access_block" "site" {\n  bucket            = aws_s3_bucket.site.id\n  block_public_acls = true\n}\n',
      errors: [{ range: '0:0-0:53', messageIncludes: 'block_public_policy, ignore_public_acls, restrict_public_buckets' }],
      output: 'resource "aws_s3_bucket_public_access_block" "site" {\n  bucket            = aws_s3_bucket.site.id\n  block_public_acls = true\n  block_public_policy = true\n  ignore_public_acls = true\n  restrict_public_buckets = true\n}\n',
    },
    {
      name: 'GCS binding to allUsers and ACL entity allAuthenticatedUsers',
      code: 'resource "google_storage_bucket_iam_binding" "public" {\n  bucket  = "b"\n  role    = "roles/storage.objectViewer"\n  members = ["user:a@example.com", "allUsers"]\n}\n\nresource "google_storage_bucket_acl" "acl" {\n  bucket      = "b"\n  role_entity = ["READER:allAuthenticatedUsers"]\n}\n',
      errors: [{ range: '3:35-3:45', messageIncludes: 'allUsers' }, { range: '8:17-8:47', messageIncludes: 'allAuthenticatedUsers' }],
      output: null,
    },
    {
      name: 'Azure container readable anonymously',
      code: 'resource "azurerm_storage_container" "c" {\n  name                  = "c"\n  container_access_type = "blob"\n}\n',
      errors: [{ range: '2:26-2:32' }],
      output: 'resource "azurerm_storage_container" "c" {\n  name                  = "c"\n  container_access_type = "private"\n}\n',
    },
    {
      name: 'ACL from a variable default: reported at the reference, no fix',
      code: 'variable "acl" {\n  default = "public-read-write"\n}\n\nresource "aws_s3_bucket" "b" {\n  acl = var.acl\n}\n',
      errors: [{ range: '5:8-5:15' }],
      output: null,
    },
  ],
});
