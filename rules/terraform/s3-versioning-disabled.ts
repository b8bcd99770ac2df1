import { defineRule } from '../../server/src/engine/rule';
import { childBlocks, type HclBlock } from '../../server/src/engine/terraform/hcl';
import type { TerraformDocument, TerraformFile } from '../../server/src/engine/terraform/parse';
import { headerRange, moduleBlocks, nodeRange, referencedResources, resources } from '../../server/src/engine/terraform/resources';
import { asString, evaluate } from '../../server/src/engine/terraform/values';

interface VersioningResources {
  /** Names of `aws_s3_bucket` resources that some `aws_s3_bucket_versioning` enables versioning for. */
  enabled: Set<string>;
  /** Bucket names (the `bucket` argument) with versioning enabled by literal name. */
  enabledBucketNames: Set<string>;
  /** A versioning resource points at a bucket we cannot identify: any bucket could be the one. */
  unidentified: boolean;
}

function versioningStatus(block: HclBlock, file: TerraformFile, document: TerraformDocument): string | undefined {
  const configuration = childBlocks(block, 'versioning_configuration')[0];
  const status = configuration?.attributes.get('status');
  return status ? asString(evaluate(status.expression, file, document.module)) : undefined;
}

function versioningResources(document: TerraformDocument): VersioningResources {
  const result: VersioningResources = { enabled: new Set(), enabledBucketNames: new Set(), unidentified: false };
  for (const { block, file } of moduleBlocks(document, 'resource')) {
    if (block.labels[0] !== 'aws_s3_bucket_versioning') continue;
    const status = versioningStatus(block, file, document);
    if (status !== undefined && status !== 'Enabled') continue;
    const bucket = block.attributes.get('bucket');
    const names = bucket ? referencedResources(bucket.expression, 'aws_s3_bucket') : [];
    const literal = bucket ? asString(evaluate(bucket.expression, file, document.module)) : undefined;
    // Unknown status counts as enabled: never report a bucket on a guess.
    names.forEach((name) => result.enabled.add(name));
    if (literal) result.enabledBucketNames.add(literal);
    if (names.length === 0 && !literal) result.unidentified = true;
  }
  return result;
}

export default defineRule({
  id: 'terraform/s3-versioning-disabled',
  language: 'terraform',
  defaultSeverity: 'info',
  skill: '4.5.1#availability',
  title: { en: 'Keep S3 object versions so overwrites and deletes can be undone', ja: 'S3 のオブジェクトバージョンを残し、上書きや削除を元に戻せるようにする' },
  messages: {
    noVersioning: {
      en: 'This bucket keeps no object versions, so an overwrite or a delete is final. Add an aws_s3_bucket_versioning resource with status = "Enabled" (and a lifecycle rule to expire old versions).',
      ja: 'このバケットはオブジェクトのバージョンを残さないため、上書きや削除は元に戻せません。status = "Enabled" の aws_s3_bucket_versioning リソースを追加してください（古いバージョンを期限切れにするライフサイクルルールも）。',
    },
    inlineDisabled: {
      en: 'Versioning is turned off for this bucket, so an overwrite or a delete is final. Enable it (enabled = true, or an aws_s3_bucket_versioning resource with status = "Enabled").',
      ja: 'このバケットはバージョニングが無効なため、上書きや削除は元に戻せません。有効にしてください（enabled = true、または status = "Enabled" の aws_s3_bucket_versioning リソース）。',
    },
    suspended: {
      en: 'Versioning is "{status}" here, so new overwrites and deletes are final. Set status = "Enabled".',
      ja: 'ここではバージョニングが "{status}" のため、以後の上書きや削除は元に戻せません。status = "Enabled" にしてください。',
    },
  },
  peerIds: ['CKV_AWS_21', 'aws-s3-enable-versioning', 'AVD-AWS-0090'],
  check({ document, report }) {
    let versioning: VersioningResources | undefined;
    for (const bucket of resources(document, ['aws_s3_bucket'])) {
      // The inline `versioning { enabled = … }` of provider versions before 4.
      const inline = childBlocks(bucket, 'versioning')[0]?.attributes.get('enabled');
      const inlineValue = inline ? evaluate(inline.expression, document, document.module) : undefined;
      if (inline && (inlineValue?.kind !== 'bool' || inlineValue.value)) continue;
      versioning ??= versioningResources(document);
      if (versioning.unidentified || versioning.enabled.has(bucket.labels[1])) continue;
      const name = asString(evaluate(bucket.attributes.get('bucket')?.expression, document, document.module));
      if (name && versioning.enabledBucketNames.has(name)) continue;
      if (inline) report({ range: nodeRange(document, inline.expression), messageId: 'inlineDisabled' });
      else report({ range: headerRange(document, bucket), messageId: 'noVersioning' });
    }
    for (const block of resources(document, ['aws_s3_bucket_versioning'])) {
      const status = childBlocks(block, 'versioning_configuration')[0]?.attributes.get('status');
      const value = status ? asString(evaluate(status.expression, document, document.module)) : undefined;
      if (status && (value === 'Suspended' || value === 'Disabled')) report({ range: nodeRange(document, status.expression), messageId: 'suspended', args: { status: value } });
    }
  },
});
