import { isMap } from 'yaml';
import type { Node as SyntaxNode } from 'web-tree-sitter';
import { parseDockerfile, type DockerfileDocument } from './dockerfile/parse';
import { getIn, mapEntries, scalarOf } from './kubernetes/yaml-ast';
import { parseKubernetes, type KubernetesDocument } from './kubernetes/parse';
import type { ParsedDocuments } from './rule';
import type { HclBlock } from './terraform/hcl';
import { parseTerraform, type TerraformDocument } from './terraform/parse';
import type { Language } from './types';

/** 0-based lines, both inclusive. */
export interface LineSpan {
  first: number;
  last: number;
}

/** Where inline suppressions reach, read from the parsed document so comments need no parsing of their own. */
export interface SuppressionScopes {
  /** Units a "next line" comment covers whole: Dockerfile instructions (with continuation lines), Terraform attributes. */
  statements: LineSpan[];
  /** Terraform blocks at every depth; checkov and tfsec/trivy comments reach whole blocks. */
  blocks: { span: LineSpan; topLevel: boolean }[];
  /** Kubernetes objects with their `metadata.annotations`, where kube-linter and checkov put their ignores. */
  objects: { span: LineSpan; annotations: { key: string; value: string }[] }[];
}

export function emptyScopes(): SuppressionScopes {
  return { statements: [], blocks: [], objects: [] };
}

export function suppressionScopes(parsed: ParsedDocuments[Language]): SuppressionScopes {
  try {
    switch (parsed.language) {
      case 'dockerfile':
        return dockerfileScopes(parsed);
      case 'kubernetes':
        return kubernetesScopes(parsed);
      case 'terraform':
        return terraformScopes(parsed);
    }
  } catch {
    // Suppression comments then reach single lines only; never let them cost the file its findings.
    return emptyScopes();
  }
}

/** Scopes of a text outside a lint run (the "Suppress on this line" quick fix); parses and releases on its own. */
export function scopesForText(language: Language, path: string, text: string): SuppressionScopes {
  switch (language) {
    case 'dockerfile':
      return suppressionScopes(parseDockerfile(path, text));
    case 'kubernetes':
      return suppressionScopes(parseKubernetes(path, text));
    case 'terraform': {
      const parsed = parseTerraform(path, text);
      try {
        return suppressionScopes(parsed);
      } finally {
        parsed.dispose();
      }
    }
  }
}

function dockerfileScopes(document: DockerfileDocument): SuppressionScopes {
  const statements = document.dockerfile.getInstructions().map((instruction) => {
    const range = instruction.getRange();
    return { first: range.start.line, last: range.end.line };
  });
  return { ...emptyScopes(), statements };
}

function kubernetesScopes(document: KubernetesDocument): SuppressionScopes {
  const objects: SuppressionScopes['objects'] = [];
  for (const manifest of document.documents) {
    const [start, , end] = manifest.yaml.range;
    const span = { first: document.lines.positionAt(start).line, last: document.lines.positionAt(end).line };
    const annotationsNode = manifest.root ? getIn(manifest.yaml, manifest.root, ['metadata', 'annotations']) : undefined;
    const annotations: { key: string; value: string }[] = [];
    if (isMap(annotationsNode)) {
      for (const entry of mapEntries(manifest.yaml, annotationsNode)) {
        const value = scalarOf(entry.value);
        annotations.push({ key: entry.key, value: value === null || value === undefined ? '' : String(value) });
      }
    }
    objects.push({ span, annotations });
  }
  return { ...emptyScopes(), objects };
}

function terraformScopes(document: TerraformDocument): SuppressionScopes {
  const scopes = emptyScopes();
  // A node that ends at column 0 ends with a line break; that next line is not part of it.
  const spanOf = (node: SyntaxNode) => {
    const { row, column } = node.endPosition;
    return { first: node.startPosition.row, last: column === 0 && row > node.startPosition.row ? row - 1 : row };
  };
  const visit = (block: HclBlock, topLevel: boolean) => {
    scopes.blocks.push({ span: spanOf(block.node), topLevel });
    for (const attribute of block.attributes.values()) scopes.statements.push(spanOf(attribute.node));
    for (const child of block.blocks) visit(child, false);
  };
  for (const block of document.blocks) visit(block, true);
  return scopes;
}
