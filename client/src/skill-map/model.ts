/**
 * The numbers behind the skill map: findings per skill and which skills to learn next.
 * No `vscode` import, so it is unit-tested under node.
 */

export interface CountedFinding {
  /** Skill topic of the finding's rule, e.g. `4.4.1#least-privilege`. */
  topic: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
}

export interface SkillTally {
  findings: number;
  errors: number;
}

export function tallyBySkill(findings: readonly CountedFinding[]): Map<string, SkillTally> {
  const tallies = new Map<string, SkillTally>();
  for (const finding of findings) {
    const skillId = finding.topic.split('#')[0];
    const tally = tallies.get(skillId) ?? { findings: 0, errors: 0 };
    tally.findings++;
    if (finding.severity === 'error') tally.errors++;
    tallies.set(skillId, tally);
  }
  return tallies;
}

/**
 * The skills with the most findings, errors breaking ties, then the curriculum's order (earlier sections are
 * foundations for later ones). Skills without findings are never suggested.
 */
export function whatToLearnNext(tallies: ReadonlyMap<string, SkillTally>, curriculum: readonly string[], limit = 3): string[] {
  return curriculum
    .filter((skillId) => (tallies.get(skillId)?.findings ?? 0) > 0)
    .map((skillId, order) => ({ skillId, order, tally: tallies.get(skillId)! }))
    .sort((a, b) => b.tally.findings - a.tally.findings || b.tally.errors - a.tally.errors || a.order - b.order)
    .slice(0, limit)
    .map((entry) => entry.skillId);
}
