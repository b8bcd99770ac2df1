import { nextCodeLine, spanContains, statementAt, type Comment } from './suppression-comments';
import type { LineSpan, SuppressionScopes } from './suppression-scopes';
import type { LineIndex } from './text';
import type { Language } from './types';

/**
 * Other linters' ignore comments and annotations that also silence our rules, so a team can adopt Infra Coach
 * without rewriting the ignores it already has. A rule opts in by listing the peer's check ids in `peerIds`
 * (e.g. `DL3002`, `CKV_AWS_24`, `aws-ec2-no-public-ingress-sgr`, `unset-memory-requirements`).
 *
 * Where each peer's ignore reaches follows that peer's own documentation:
 * - `next-statement`: the next instruction (hadolint), continuation lines included;
 * - `file`: the whole file (hadolint `global ignore`, checkov in a Dockerfile);
 * - `enclosing-resource`: the top-level block the comment sits in (checkov in Terraform);
 * - `line-or-next`: a trailing comment covers its line; a comment on its own line covers the next
 *   line's block or attribute (tfsec, trivy);
 * - `object`: the Kubernetes object whose `metadata.annotations` carry it (kube-linter, checkov).
 */
type PeerReach = 'next-statement' | 'file' | 'enclosing-resource' | 'line-or-next' | 'object';

interface CommentPeer {
  tool: string;
  source: 'comment';
  languages: Language[];
  reach: Exclude<PeerReach, 'object'>;
  /** Peer check ids in a comment's text, each with its expiry date when the syntax has one. */
  read(comment: string): { id: string; expires?: string }[];
}

interface AnnotationPeer {
  tool: string;
  source: 'annotation';
  languages: ['kubernetes'];
  reach: 'object';
  read(key: string, value: string): string[];
}

type PeerSuppression = CommentPeer | AnnotationPeer;

function idList(match: RegExpMatchArray | null): { id: string }[] {
  return match ? match[1].split(/[\s,]+/).filter(Boolean).map((id) => ({ id })) : [];
}

/** `tfsec:ignore:<id>[:exp:YYYY-MM-DD]`, several per comment allowed; trivy's `[attr=value]` filters are not evaluated. */
function tfsecStyle(tool: 'tfsec' | 'trivy'): (comment: string) => { id: string; expires?: string }[] {
  const pattern = new RegExp(`${tool}:ignore:([^\\s:\\[]+)(?:\\[[^\\]]*\\])?((?::[a-z]+:[^\\s:]+)*)`, 'gi');
  return (comment) => [...comment.matchAll(pattern)].map((match) => {
    const expires = /:exp:(\d{4}-\d{2}-\d{2})/.exec(match[2] ?? '')?.[1];
    return expires ? { id: match[1], expires } : { id: match[1] };
  });
}

export const PEER_SUPPRESSIONS: readonly PeerSuppression[] = [
  { tool: 'hadolint', source: 'comment', languages: ['dockerfile'], reach: 'file', read: (text) => idList(/^#\s*hadolint\s+global\s+ignore\s*=\s*([\w,\s]+)/i.exec(text)) },
  { tool: 'hadolint', source: 'comment', languages: ['dockerfile'], reach: 'next-statement', read: (text) => idList(/^#\s*hadolint\s+ignore\s*=\s*([\w,\s]+)/i.exec(text)) },
  { tool: 'checkov', source: 'comment', languages: ['terraform'], reach: 'enclosing-resource', read: (text) => idList(/^(?:#|\/\/)\s*checkov:skip=(\w+)/i.exec(text)) },
  { tool: 'checkov', source: 'comment', languages: ['dockerfile'], reach: 'file', read: (text) => idList(/^#\s*checkov:skip=(\w+)/i.exec(text)) },
  { tool: 'tfsec', source: 'comment', languages: ['terraform'], reach: 'line-or-next', read: tfsecStyle('tfsec') },
  { tool: 'trivy', source: 'comment', languages: ['terraform'], reach: 'line-or-next', read: tfsecStyle('trivy') },
  { tool: 'kube-linter', source: 'annotation', languages: ['kubernetes'], reach: 'object', read: (key) => {
    const check = /^ignore-check\.kube-linter\.io\/(.+)$/.exec(key)?.[1];
    return check ? [check] : [];
  } },
  { tool: 'checkov', source: 'annotation', languages: ['kubernetes'], reach: 'object', read: (key, value) => {
    if (!/^checkov\.io\/skip\d*$/.test(key)) return [];
    return value.split(',').map((entry) => entry.split('=')[0].trim()).filter(Boolean);
  } },
];

/** A peer's ignore: which peer ids it names and the lines (or the whole file) it covers. */
export interface PeerDirective {
  tool: string;
  ids: string[];
  lines: LineSpan[] | 'file';
}

/** Every peer ignore in the file that is still in force on `today` (`YYYY-MM-DD`). */
export function peerDirectives(language: Language, lines: LineIndex, comments: readonly Comment[], scopes: SuppressionScopes, today: string): PeerDirective[] {
  const directives: PeerDirective[] = [];
  for (const peer of PEER_SUPPRESSIONS) {
    if (!(peer.languages as readonly Language[]).includes(language)) continue;
    if (peer.source === 'annotation') {
      for (const object of scopes.objects) {
        const ids = object.annotations.flatMap((annotation) => peer.read(annotation.key, annotation.value));
        if (ids.length > 0) directives.push({ tool: peer.tool, ids, lines: [object.span] });
      }
      continue;
    }
    for (const comment of comments) {
      // Only tfsec and trivy read trailing comments.
      if (!comment.ownLine && peer.reach !== 'line-or-next') continue;
      const ids = peer.read(comment.text).filter((entry) => entry.expires === undefined || entry.expires >= today).map((entry) => entry.id);
      if (ids.length === 0) continue;
      const reach = commentReach(peer.reach, language, lines, comment, scopes);
      if (reach) directives.push({ tool: peer.tool, ids, lines: reach });
    }
  }
  return directives;
}

function commentReach(reach: CommentPeer['reach'], language: Language, lines: LineIndex, comment: Comment, scopes: SuppressionScopes): LineSpan[] | 'file' | undefined {
  switch (reach) {
    case 'file':
      return 'file';
    case 'next-statement': {
      const next = nextCodeLine(language, lines, comment.line);
      return next === undefined ? undefined : [statementAt(scopes, next)];
    }
    case 'enclosing-resource': {
      const block = scopes.blocks.find((candidate) => candidate.topLevel && spanContains(candidate.span, comment.line));
      return block ? [block.span] : undefined;
    }
    case 'line-or-next': {
      if (!comment.ownLine) return [{ first: comment.line, last: comment.line }];
      const next = nextCodeLine(language, lines, comment.line);
      if (next === undefined) return undefined;
      const blocks = scopes.blocks.filter((candidate) => candidate.span.first === next).map((candidate) => candidate.span);
      return blocks.length > 0 ? blocks : [statementAt(scopes, next)];
    }
  }
}
