import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttendanceError } from '../../src/index.js';
import { MOST_GROUP_VALUES, parsePupilAttributesCsv } from '../../src/report/index.js';

function issuesOf(text: string): readonly { line?: number; message: string }[] {
  try {
    parsePupilAttributesCsv(text, { source: 'pupils.csv' });
  } catch (error) {
    if (error instanceof AttendanceError) return error.issues;
    throw error;
  }
  throw new Error('no error');
}

describe('parsePupilAttributesCsv', () => {
  it('reads each pupil’s attributes, trimmed, and the columns to group by', () => {
    const { attributes, columns, groupColumns } = parsePupilAttributesCsv(
      'pupil_id,upn,year_group,fsm,sen\nP1,A1, 7 ,true,none\nP2,A2,7,false,none\nP3,A3,8,false,\n'
    );
    expect(attributes.get('P1')).toEqual({ upn: 'A1', year_group: '7', fsm: 'true', sen: 'none' });
    expect(attributes.get('P3')).toEqual({ upn: 'A3', year_group: '8', fsm: 'false', sen: '' });
    expect(columns).toEqual(['upn', 'year_group', 'fsm', 'sen']);
    // upn identifies (a value per pupil); the others repeat.
    expect(groupColumns).toEqual(['year_group', 'fsm', 'sen']);
  });

  it('finds the pupil_id column anywhere, in any case, and reads quoted fields', () => {
    const { attributes } = parsePupilAttributesCsv('year,PUPIL_ID\r\n"7, upper",P1\r\n');
    expect(attributes.get('P1')).toEqual({ year: '7, upper' });
  });

  it(`groups by a column of at most ${MOST_GROUP_VALUES} values only`, () => {
    const many = Array.from(
      { length: 2 * (MOST_GROUP_VALUES + 1) },
      (_, index) => `P${index},${index % (MOST_GROUP_VALUES + 1)},${index % MOST_GROUP_VALUES}`
    );
    const { groupColumns } = parsePupilAttributesCsv(['pupil_id,wide,narrow', ...many].join('\n'));
    expect(groupColumns).toEqual(['narrow']);
  });

  it('lists every problem with its line', () => {
    const issues = issuesOf('pupil_id,year,year\nP1,7\nP1,7,7\n,8,8\nP1,9,9\n');
    expect(issues.map((issue) => issue.line)).toEqual([1, 2, 4, 5]);
    expect(issues[0]!.message).toContain('the column "year" twice');
    expect(issues[1]!.message).toContain('2 fields where the header has 3');
    expect(issues[2]!.message).toContain('no pupil_id');
    expect(issues[3]!.message).toContain('already has a row, on line 3');
    expect(issuesOf('id,year\nP1,7\n')[0]!.message).toContain('has no pupil_id column');
    expect(issuesOf('')[0]!.message).toContain('is empty');
  });

  it('reads back what it is given (property)', () => {
    const value = fc.stringMatching(/^[A-Za-z0-9 ]{0,6}$/u).map((text) => text.trim());
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Z][0-9]{1,4}$/u), { minLength: 1, maxLength: 30 }),
        fc.array(value, { minLength: 30, maxLength: 30 }),
        (ids, values) => {
          const text = ['pupil_id,group', ...ids.map((id, index) => `${id},${values[index]!}`)].join('\n');
          const { attributes } = parsePupilAttributesCsv(text);
          expect([...attributes.keys()]).toEqual(ids);
          ids.forEach((id, index) => {
            expect(attributes.get(id)).toEqual({ group: values[index] });
          });
        }
      )
    );
  });
});
