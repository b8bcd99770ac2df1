import { DockerfileParser, type Dockerfile, type From, type Instruction } from 'dockerfile-ast';
import './memoize-ast';
import { LineIndex } from '../text';
import type { WorkspaceView } from '../types';

export interface Stage {
  index: number;
  from: From;
  /** The `AS name`, lower-cased as Docker compares it. */
  name: string | undefined;
  /** Instructions after the `FROM`, up to the next `FROM`. */
  instructions: Instruction[];
}

export interface DockerfileDocument {
  language: 'dockerfile';
  path: string;
  text: string;
  lines: LineIndex;
  dockerfile: Dockerfile;
  /** Global `ARG`s before the first `FROM`. */
  globalInstructions: Instruction[];
  stages: Stage[];
  /** The files around the Dockerfile, for rules that look at its build context (e.g. `.dockerignore`). */
  workspace?: WorkspaceView;
}

export function parseDockerfile(path: string, text: string, workspace?: WorkspaceView): DockerfileDocument {
  const dockerfile = DockerfileParser.parse(text);
  const stages: Stage[] = [];
  const globalInstructions: Instruction[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      const from = instruction as From;
      stages.push({ index: stages.length, from, name: from.getBuildStage()?.toLowerCase() ?? undefined, instructions: [] });
    } else if (stages.length === 0) {
      globalInstructions.push(instruction);
    } else {
      stages[stages.length - 1].instructions.push(instruction);
    }
  }
  return { language: 'dockerfile', path, text, lines: new LineIndex(text), dockerfile, globalInstructions, stages, workspace };
}
