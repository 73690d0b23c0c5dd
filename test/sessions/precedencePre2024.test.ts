import { describe, expect, test } from 'vitest';
import { countSessions, isoDate } from '../../src/index.js';
import type { Session, SessionMark } from '../../src/index.js';

// Duplicates resolved by precedence on dates before 19 August 2024 are read with the pre-2024 code table
// (REFERENCE §2): there J (interview) is approved educational activity and H (agreed family holiday) is authorised
// absence; G, N, O and U are unauthorised in both sets.
function mark(date: string, session: Session, code: string): SessionMark {
  return { pupilId: 'P1', date: isoDate(date), session, code };
}

const PRECEDENCE = { duplicates: 'precedence' } as const;

describe('duplicate marks resolved by precedence on pre-2024 dates', () => {
  test('J (approved educational activity before 2024) beats O whichever comes first', () => {
    for (const codes of [
      ['O', 'J'],
      ['J', 'O'],
    ]) {
      const counts = countSessions(
        codes.map((code) => mark('2023-09-04', 'AM', code)),
        PRECEDENCE
      );
      expect(counts).toMatchObject({
        possible: 1,
        attended: 1,
        approvedEducationalActivity: 1,
        unauthorised: 0,
        absent: 0,
      });
      expect(counts.byCode.J).toBe(1);
      expect(counts.byCode.O).toBe(0);
      expect(counts.warnings).toHaveLength(1);
      expect(counts.warnings[0]).toMatchObject({
        code: 'duplicate_mark_resolved',
        severity: 'warning',
        pupilId: 'P1',
        date: '2023-09-04',
        session: 'AM',
        received: `${codes[0]!} and ${codes[1]!}`,
      });
      // The mark counted is named as the pre-2024 code it is, whether it came first or second.
      expect(counts.warnings[0]!.message).toContain('"J" counted by precedence');
    }
  });

  test('H (authorised before 2024) beats G, and the session stays one possible absence', () => {
    for (const codes of [
      ['G', 'H'],
      ['H', 'G'],
    ]) {
      const counts = countSessions(
        codes.map((code) => mark('2023-07-10', 'PM', code)),
        PRECEDENCE
      );
      expect(counts).toMatchObject({ possible: 1, absent: 1, authorised: 1, unauthorised: 0 });
      expect(counts.warnings[0]!.message).toContain('"H" counted by precedence');
    }
  });

  test('a present mark beats pre-2024 J, and a later weaker mark leaves it counted', () => {
    const counts = countSessions(
      [mark('2023-09-04', 'AM', 'J'), mark('2023-09-04', 'AM', '/'), mark('2023-09-04', 'AM', 'B')],
      PRECEDENCE
    );
    expect(counts).toMatchObject({ possible: 1, present: 1, approvedEducationalActivity: 0 });
    expect(counts.warnings.map((warning) => warning.message)).toEqual([
      expect.stringContaining('"/" counted by precedence'),
      expect.stringContaining('"/" counted by precedence'),
    ]);
  });

  test('each session across the 19 August 2024 change is read in its own set', () => {
    // 16 August 2024 is before the change: J is approved educational activity; on 2 September 2024 J1 is
    // authorised absence, so N (unauthorised) loses to it there too.
    const counts = countSessions(
      [
        mark('2024-08-16', 'AM', 'N'),
        mark('2024-08-16', 'AM', 'J'),
        mark('2024-09-02', 'AM', 'N'),
        mark('2024-09-02', 'AM', 'J1'),
      ],
      PRECEDENCE
    );
    expect(counts).toMatchObject({
      possible: 2,
      approvedEducationalActivity: 1,
      authorised: 1,
      unauthorised: 0,
    });
    expect(counts.byCode.J).toBe(1);
    expect(counts.byCode.J1).toBe(1);
  });

  test('without precedence the same pre-2024 pair is an error naming both marks', () => {
    const result = () => countSessions([mark('2023-09-04', 'AM', 'O'), mark('2023-09-04', 'AM', 'J')]);
    expect(result).toThrow(/marks 0 \("O"\) and 1 \("J"\)/);
  });
});
