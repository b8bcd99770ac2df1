import type { Node as SyntaxNode } from 'web-tree-sitter';
import { defineRule } from '../../server/src/engine/rule';
import { insertIntoBlock } from '../../server/src/engine/terraform/edit';
import { childBlocks } from '../../server/src/engine/terraform/hcl';
import type { TerraformDocument } from '../../server/src/engine/terraform/parse';
import { literalObject, nodeRange } from '../../server/src/engine/terraform/resources';
import { asString, evaluate } from '../../server/src/engine/terraform/values';
import type { TextEdit } from '../../server/src/engine/types';

/** `namespace/name/provider` or `host/namespace/name/provider`, optionally with a `//subdir`. */
const REGISTRY_SOURCE = /^(?:[a-z0-9.-]+\.[a-z]+\/)?[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+\/[A-Za-z0-9_-]+(?:\/\/.*)?$/;
const GIT_SOURCE = /^(?:git::|git@|github\.com\/|bitbucket\.org\/)/;
/** Refs that move: a branch is not a pin. */
const MOVING_REFS = new Set(['main', 'master', 'head', 'develop', 'trunk']);

type ModuleSource = { kind: 'registry' } | { kind: 'git'; ref: string | undefined } | { kind: 'other' };

function classify(source: string): ModuleSource {
  if (GIT_SOURCE.test(source)) {
    const ref = /[?&]ref=([^&]+)/.exec(source)?.[1];
    return { kind: 'git', ref };
  }
  if (REGISTRY_SOURCE.test(source) && !source.startsWith('.')) return { kind: 'registry' };
  return { kind: 'other' };
}

/** `~> 5.31` from the version Terraform selected last time, as recorded in the module folder. */
function lockedConstraint(document: TerraformDocument, kind: string, name: string, source: string): string | undefined {
  let version: string | undefined;
  if (kind === 'provider') {
    const address = source.split('/').length === 2 ? `registry.terraform.io/${source}` : source;
    const lock = document.moduleFile('.terraform.lock.hcl') ?? '';
    for (const match of lock.matchAll(/provider\s+"([^"]+)"\s*\{[^}]*?\bversion\s*=\s*"([^"]+)"/g)) {
      if (match[1].toLowerCase() === address.toLowerCase()) version = match[2];
    }
  } else {
    try {
      const manifest = JSON.parse(document.moduleFile('.terraform/modules/modules.json') ?? '{}') as { Modules?: { Key?: string; Version?: string }[] };
      version = manifest.Modules?.find((entry) => entry.Key === name)?.Version;
    } catch {
      version = undefined;
    }
  }
  const match = version ? /^(\d+)\.(\d+)/.exec(version) : null;
  return match ? `~> ${match[1]}.${match[2]}` : undefined;
}

/** Inserts `version = …` into a `required_providers` entry's object, on its own line or after a comma. */
function insertIntoObject(document: TerraformDocument, objectNode: SyntaxNode, member: string): TextEdit | undefined {
  const close = objectNode.namedChildren.find((child) => child?.type === 'object_end');
  const elements = objectNode.namedChildren.filter((child): child is SyntaxNode => child?.type === 'object_elem');
  const last = elements[elements.length - 1];
  if (!close || !last) return undefined;
  const { lines } = document;
  if (lines.positionAt(close.startIndex).line === lines.positionAt(last.endIndex).line) {
    return { range: lines.rangeOf(last.endIndex, last.endIndex), newText: `, ${member}` };
  }
  const indentation = /^[ \t]*/.exec(lines.lineText(lines.positionAt(last.startIndex).line))![0];
  const at = lines.lineEnd(lines.positionAt(last.endIndex).line);
  return { range: lines.rangeOf(at, at), newText: lines.eol + indentation + member };
}

export default defineRule({
  id: 'terraform/unpinned-provider',
  language: 'terraform',
  defaultSeverity: 'warning',
  skill: '4.2.2#version-pinning',
  title: { en: 'Pin provider and module versions', ja: 'プロバイダーとモジュールのバージョンを固定する' },
  messages: {
    provider: {
      en: 'The provider "{name}" has no version constraint, so the next init may install a new major version with breaking changes. Add version = "~> X.Y" and commit .terraform.lock.hcl.',
      ja: 'プロバイダー "{name}" にバージョン制約がないため、次回の init で破壊的変更を含む新しいメジャーバージョンが入る可能性があります。version = "~> X.Y" を追加し、.terraform.lock.hcl をコミットしてください。',
    },
    registryModule: {
      en: 'The module "{name}" comes from a registry without a version, so every init may fetch a different release. Add version = "~> X.Y".',
      ja: 'モジュール "{name}" はレジストリから version なしで取得されるため、init のたびに別のリリースが取得される可能性があります。version = "~> X.Y" を追加してください。',
    },
    gitModule: {
      en: 'The module "{name}" comes from git without ?ref=, so it follows the default branch. Pin a tag or commit with ?ref=<tag>.',
      ja: 'モジュール "{name}" は ?ref= なしで git から取得されるため、デフォルトブランチに追従します。?ref=<タグ> でタグかコミットに固定してください。',
    },
    gitBranch: {
      en: 'The module "{name}" is pinned to the branch "{ref}", which moves. Pin a tag or a commit instead.',
      ja: 'モジュール "{name}" は動き続けるブランチ "{ref}" を指しています。タグかコミットに固定してください。',
    },
  },
  fixable: 'quickfix',
  peerIds: ['CKV_TF_1', 'CKV_TF_2', 'terraform_required_providers', 'terraform_module_version', 'terraform_module_pinned_source'],
  check({ document, report }) {
    for (const block of document.blocks) {
      if (block.type === 'terraform') {
        for (const required of childBlocks(block, 'required_providers')) {
          for (const entry of required.attributes.values()) {
            const members = literalObject(entry.expression);
            if (!members || members.has('version')) continue;
            const source = members.get('source');
            const sourceText = source ? asString(evaluate(source, document, document.module)) : `hashicorp/${entry.name}`;
            if (sourceText === undefined) continue;
            report({ range: nodeRange(document, entry.nameNode), messageId: 'provider', args: { name: entry.name }, data: { kind: 'provider', name: entry.name, source: sourceText } });
          }
        }
      } else if (block.type === 'module' && block.labels[0]) {
        const sourceAttribute = block.attributes.get('source');
        const source = sourceAttribute ? asString(evaluate(sourceAttribute.expression, document, document.module)) : undefined;
        if (!sourceAttribute || source === undefined) continue;
        const kind = classify(source);
        const name = block.labels[0];
        const range = nodeRange(document, sourceAttribute.expression);
        if (kind.kind === 'registry' && !block.attributes.has('version')) {
          report({ range, messageId: 'registryModule', args: { name }, data: { kind: 'module', name, source } });
        } else if (kind.kind === 'git' && !kind.ref) {
          report({ range, messageId: 'gitModule', args: { name } });
        } else if (kind.kind === 'git' && kind.ref && MOVING_REFS.has(kind.ref.toLowerCase())) {
          report({ range, messageId: 'gitBranch', args: { name, ref: kind.ref } });
        }
      }
    }
  },
  fix({ document, finding }) {
    const { kind, name, source } = finding.data ?? {};
    if (typeof kind !== 'string' || typeof name !== 'string' || typeof source !== 'string') return undefined;
    // Only the version Terraform actually selected is a safe constraint to write; without it there is no fix.
    const constraint = lockedConstraint(document, kind, name, source);
    if (!constraint) return undefined;
    const member = `version = "${constraint}"`;
    let edit: TextEdit | undefined;
    const offset = document.lines.offsetAt(finding.range.start);
    if (kind === 'provider') {
      const entry = document.blocks.filter((block) => block.type === 'terraform')
        .flatMap((block) => childBlocks(block, 'required_providers'))
        .flatMap((required) => [...required.attributes.values()])
        .find((attribute) => attribute.nameNode.startIndex === offset);
      let objectNode: SyntaxNode | null | undefined = entry?.expression;
      while (objectNode && objectNode.type !== 'object') objectNode = objectNode.namedChildren[0];
      edit = objectNode ? insertIntoObject(document, objectNode, member) : undefined;
    } else {
      const module = document.blocks.find((block) => block.type === 'module' && block.node.startIndex <= offset && offset < block.node.endIndex);
      edit = module ? insertIntoBlock(document, module, [member]) : undefined;
    }
    return edit ? { title: { en: `Pin ${name} to ${constraint}`, ja: `${name} を ${constraint} に固定する` }, edits: [edit] } : undefined;
  },
});
