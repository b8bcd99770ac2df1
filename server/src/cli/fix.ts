import { renameSync, statSync, unlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { detectLanguage } from '../engine/detect';
import type { Engine, LintInput, LintSettings } from '../engine/engine';
import { parseHcl } from '../engine/terraform/tree-sitter';
import { applyEdits, LineIndex } from '../engine/text';
import type { FileCreation, Fix, Language } from '../engine/types';

/** Each pass applies the fixes that do not touch each other; the rest wait for the next pass on the new text. */
const MAX_PASSES = 10;

/** True when the text parses without syntax errors; fixes are never applied to (or allowed to produce) a broken file. */
export function parsesCleanly(language: Language, text: string): boolean {
  switch (language) {
    case 'dockerfile':
      return true;
    case 'kubernetes':
      return parseAllDocuments(text).every((document) => !('errors' in document) || document.errors.length === 0);
    case 'terraform': {
      const tree = parseHcl(text);
      const clean = tree !== undefined && !tree.rootNode.hasError;
      tree?.delete();
      return clean;
    }
  }
}

interface OffsetEdit {
  start: number;
  end: number;
}

/**
 * Two fixes conflict when their edits overlap or touch: two insertions at one point have no defined order, and
 * an edit that ends where another starts may merge tokens. Conflicting fixes wait for the next pass.
 */
function conflicts(a: readonly OffsetEdit[], b: readonly OffsetEdit[]): boolean {
  return a.some((x) => b.some((y) => x.start <= y.end && y.start <= x.end));
}

export interface FixResult {
  text: string;
  /** Files fixes create beside this one (a `.dockerignore`); the caller writes those that do not exist yet. */
  createFiles: FileCreation[];
  /** Fixes applied over all passes. */
  applied: number;
  /** Set when the file did not parse, so nothing was touched. */
  unparsable: boolean;
}

/** Applies every safe fix (preferred quick fixes) to a text, in passes, until nothing more can be fixed. */
export function fixText(engine: Engine, input: Omit<LintInput, 'text' | 'version'>, text: string, settings: LintSettings): FixResult {
  const language = detectLanguage(input.path, input.languageId);
  if (!language) return { text, applied: 0, unparsable: false, createFiles: [] };
  if (!parsesCleanly(language, text)) return { text, applied: 0, unparsable: true, createFiles: [] };
  let current = text;
  let applied = 0;
  const createFiles = new Map<string, FileCreation>();
  // A rule whose fix does not make its finding go away would otherwise apply it again on every pass.
  const ineffective = new Set<string>();
  let fixedLastPass = new Map<string, number>();
  try {
    for (let pass = 1; pass <= MAX_PASSES; pass++) {
      const versioned = { ...input, text: current, version: pass };
      const findings = engine.lint(versioned, settings).findings;
      for (const [ruleId, before] of fixedLastPass) {
        if (findings.filter((finding) => finding.ruleId === ruleId).length >= before) ineffective.add(ruleId);
      }
      const lines = new LineIndex(current);
      const accepted: { ruleId: string; fix: Fix; edits: OffsetEdit[] }[] = [];
      for (const finding of findings) {
        if (ineffective.has(finding.ruleId)) continue;
        const fix = engine.fix(versioned, finding, settings);
        if (!fix || fix.kind !== 'quickfix' || !fix.isPreferred) continue;
        if (fix.createFiles?.length && !createFiles.has(fix.createFiles[0].path)) {
          for (const file of fix.createFiles) createFiles.set(file.path, file);
          if (fix.edits.length === 0) applied++;
        }
        if (fix.edits.length === 0) continue;
        const edits = fix.edits.map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end) }));
        if (overlapsItself(edits)) continue;
        if (accepted.some((other) => conflicts(other.edits, edits))) continue;
        accepted.push({ ruleId: finding.ruleId, fix, edits });
      }
      if (accepted.length === 0) break;
      let next = applyEdits(current, accepted.flatMap((entry) => entry.fix.edits));
      let applying = accepted;
      if (!parsesCleanly(language, next)) {
        // Together the fixes broke the file: apply the first one that keeps it parsing; the others are retried
        // on the next pass, against the new text.
        next = current;
        applying = [];
        for (const entry of accepted) {
          const candidate = applyEditsSafely(next, entry.fix);
          if (candidate !== undefined && parsesCleanly(language, candidate)) {
            next = candidate;
            applying = [entry];
            break;
          }
        }
      }
      if (next === current) break;
      current = next;
      applied += applying.length;
      fixedLastPass = new Map();
      for (const entry of applying) {
        fixedLastPass.set(entry.ruleId, findings.filter((finding) => finding.ruleId === entry.ruleId).length);
      }
    }
  } finally {
    engine.forget(input.path);
  }
  return { text: current, applied, unparsable: false, createFiles: [...createFiles.values()] };
}

function overlapsItself(edits: readonly OffsetEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.some((edit, index) => index > 0 && sorted[index - 1].end > edit.start);
}

function applyEditsSafely(text: string, fix: Fix): string | undefined {
  try {
    return applyEdits(text, fix.edits);
  } catch {
    return undefined;
  }
}

/** Replaces a file's content through a temporary file and a rename, so a crash never leaves it half written. */
export function writeFileAtomically(path: string, text: string): void {
  const temporary = `${path}.infracoach-${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text, { encoding: 'utf8', flag: 'wx' });
    try {
      chmodSync(temporary, statSync(path).mode);
    } catch {
      // Keeping the mode is a courtesy; the content matters.
    }
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was created.
    }
    throw error;
  }
}
