/**
 * A `command:` link that opens a rule's explanation in the Infra Coach panel. Only for clients that said they
 * run that command (our VS Code client sets `initializationOptions.explainCommandLinks`); others get https.
 *
 * The arguments carry only the rule id: VS Code's Problems panel re-parses a diagnostic's link from its
 * unencoded string form, where the `#` of a topic id would cut the arguments short.
 */
export function explainCommandUri(ruleId: string): string {
  return `command:infracoach.explainSkill?${encodeURIComponent(JSON.stringify([{ ruleId }]))}`;
}
