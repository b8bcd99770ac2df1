/** Shared vocabulary of the engine. Shapes mirror LSP (0-based lines, UTF-16 columns) so the server passes them through unchanged. */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Language = 'dockerfile' | 'kubernetes' | 'terraform';
export type Locale = 'en' | 'ja';

export interface Position {
  line: number;
  /** UTF-16 code units, as LSP counts them. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface LocalizedText {
  en: string;
  ja: string;
}

/** Values a rule stores on a finding for its fix; kept JSON-serialisable because it travels as `Diagnostic.data`. */
export type FindingData = Record<string, string | number | boolean | null | string[]>;

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Skill topic, e.g. `4.1.1#multi-stage-builds`. */
  skill: string;
  range: Range;
  docsUrl: string;
  data?: FindingData;
}

export type FixKind = 'quickfix' | 'refactor.rewrite';

/** A file a fix creates beside the linted one (e.g. a `.dockerignore`); clients leave an existing file alone. */
export interface FileCreation {
  /** Absolute, `/`-separated path. */
  path: string;
  text: string;
}

export interface Fix {
  title: string;
  kind: FixKind;
  isPreferred: boolean;
  edits: TextEdit[];
  /** Files to create; absent for fixes that only edit the document. */
  createFiles?: FileCreation[];
}

/** A rule option, described as a JSON schema fragment plus its default. */
export interface RuleOption {
  type: 'boolean' | 'number' | 'string' | 'array';
  default: boolean | number | string | string[];
  description: LocalizedText;
}

export type RuleOptionValues = Record<string, boolean | number | string | string[]>;

/** Read-only view of the files around the linted one, for rules that look beyond a single file. */
export interface WorkspaceView {
  /** Paths (absolute, `/`-separated) of the entries directly inside a folder; empty when unknown. */
  listFolder(folder: string): string[];
  /** Text of a file, or undefined when it does not exist or cannot be read. */
  readFile(path: string): string | undefined;
}
