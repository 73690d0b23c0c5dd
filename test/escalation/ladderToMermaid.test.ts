import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  defineEscalationLadder,
  DFE_SUPPORT_FIRST_LADDER,
  ladderToMermaid,
  trustLadder,
} from '../../src/index.js';
import type { EscalationLadder } from '../../src/index.js';

const guide = readFileSync(new URL('../../docs/concepts/escalation.md', import.meta.url), 'utf8');

function mermaidBlocksOf(markdown: string): string[] {
  return markdown
    .split('```mermaid\n')
    .slice(1)
    .map((block) => block.slice(0, block.indexOf('```')));
}

describe('ladderToMermaid', () => {
  test("the escalation guide's diagrams are the trust's and DfE's ladders, as generated (they cannot drift)", () => {
    expect(mermaidBlocksOf(guide)).toEqual([
      ladderToMermaid(trustLadder()),
      ladderToMermaid(DFE_SUPPORT_FIRST_LADDER),
    ]);
  });

  test('one state per stage, the start at stage 0, and one arrow per rule and stage, labelled by condition', () => {
    const lines = ladderToMermaid(trustLadder()).split('\n');
    expect(lines[0]).toBe('stateDiagram-v2');
    expect(lines.filter((line) => line.startsWith('    state '))).toHaveLength(6);
    expect(lines).toContain('    [*] --> S0');
    expect(lines).toContain('    S0 --> S1 : attendance below 90 %');
    expect(lines).toContain('    S1 --> S2 : review due, period below 95 %');
    expect(lines).toContain('    S2 --> S4 : penalty-threshold jump (threshold reached)');
    // A row that stays draws a loop with the actions it makes due.
    expect(lines).toContain('    S0 --> S0 : attendance below 95 % (initial warning letter)');
    // Resuming at the stage before improvement draws an arrow to each stage that leads into stage 5.
    for (const stage of [1, 2, 3, 4]) {
      expect(lines).toContain(`    S5 --> S${stage} : re-entry jump (decline below 90 %)`);
    }
  });

  test('names and labels from a JSON ladder cannot break the diagram', () => {
    const ladder: EscalationLadder = defineEscalationLadder({
      name: 'odd',
      stages: [
        { name: 'watch "closely"; #1: now', step: 'monitor', review: null, onEntry: [] },
        { name: 'closed\ncase', step: 'enforce', review: null, onEntry: ['note'], terminal: true },
      ],
      actions: { note: { name: 'a: b; c', description: 'a note', doneBy: 'action-done' } },
      rules: [
        {
          from: [0],
          when: {
            test: 'any',
            of: [
              { test: 'absence-at-least', percent: 50, minimumPossibleSessions: 0 },
              {
                test: 'all',
                of: [
                  { test: 'penalty-threshold-reached' },
                  { test: 'attendance-below', percent: 80, minimumPossibleSessions: 0 },
                ],
              },
            ],
          },
          to: 1,
          jump: null,
        },
      ],
    });
    const diagram = ladderToMermaid(ladder);
    expect(diagram).toContain('state "Stage 0 · watch #quot;closely#quot;#59; #35;1#58; now" as S0');
    expect(diagram).toContain('state "Stage 1 · closed case" as S1');
    expect(diagram).toContain(
      'S0 --> S1 : absence at least 50 % or (threshold reached and attendance below 80 %)'
    );
    expect(diagram).toContain('S1 --> [*]');
    // Every line but the first is a state, an arrow or blank: nothing a name held escaped into the syntax.
    for (const line of diagram.trimEnd().split('\n').slice(1)) {
      expect(line).toMatch(/^( {4}state "[^"]*" as S\d+| {4}(S\d+|\[\*\]) --> (S\d+|\[\*\])( : [^;:"]*)?|)$/);
    }
  });
});
