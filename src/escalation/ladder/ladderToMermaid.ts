import { HCAT_ESCALATION_POLICY } from '../presets.js';
import type { EscalationPolicy } from '../types.js';
import { conditionLabel } from './conditions.js';
import { ladderOf } from './ladderOf.js';
import { ruleTargets } from './ruleTargets.js';
import type { EscalationLadder } from './types.js';

// Mermaid reads `;`, `#` and `:` as syntax and `"` ends a state's name, so names and labels from a ladder (which
// may be anyone's JSON) are written with Mermaid's entity codes for those characters, and line breaks as spaces.
const ENTITY: Readonly<Record<string, string>> = { '#': '#35;', '"': '#quot;', ';': '#59;', ':': '#58;' };

function text(value: string): string {
  return value.replace(/[#";:]/g, (character) => ENTITY[character] ?? character).replace(/[\r\n]+/g, ' ');
}

/**
 * A ladder as a Mermaid state diagram: one state per stage, one arrow per row of the review table and stage it
 * applies in, labelled by its condition (and its jump, when the move is not one step forward), in the table's
 * order, so the diagram reads like the table. A row that stays and makes actions due is an arrow back to the
 * same stage; a resumption at the stage before improvement is an arrow to each stage it can resume at; a
 * terminal stage points to the end. Overrides, which can move a pupil anywhere, are not drawn.
 *
 * @param ladder - A ladder, or an escalation policy (the trust's ladder with its numbers).
 * @returns The diagram's Mermaid source, ending in a line break.
 * @example
 * ladderToMermaid(trustLadder()).split('\n')[0] //=> 'stateDiagram-v2'
 */
export function ladderToMermaid(
  ladder: EscalationLadder | EscalationPolicy = HCAT_ESCALATION_POLICY
): string {
  const run = ladderOf(ladder);
  const { stages, rules, actions } = run;
  const lines = ['stateDiagram-v2'];
  stages.forEach((stage, index) => {
    lines.push(`    state "Stage ${index} · ${text(stage.name)}" as S${index}`);
  });
  lines.push('', '    [*] --> S0');
  for (const rule of rules) {
    const condition = conditionLabel(rule.when);
    for (const from of rule.from) {
      if (rule.to === 'stay') {
        const made = (rule.actions ?? []).map((kind) => actions[kind]?.name ?? kind).join(', ');
        lines.push(`    S${from} --> S${from} : ${text(made === '' ? condition : `${condition} (${made})`)}`);
        continue;
      }
      for (const to of new Set(ruleTargets(rule, run))) {
        const label = rule.jump === null ? condition : `${rule.jump} jump (${condition})`;
        lines.push(`    S${from} --> S${to} : ${text(label)}`);
      }
    }
  }
  stages.forEach((stage, index) => {
    if (stage.terminal === true) lines.push(`    S${index} --> [*]`);
  });
  return `${lines.join('\n')}\n`;
}
