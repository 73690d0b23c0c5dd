import { expectTypeOf, test } from 'vitest';
import { toCtfAttendanceMarks, toCtfXml } from '../../../src/io/index.js';
import type {
  CtfDocumentInput,
  CtfImport,
  CtfImportReport,
  CtfOptions,
  ToCtfXmlOptions,
} from '../../../src/io/index.js';
import { isoDate } from '../../../src/index.js';

test('a file read can be written back as it is', () => {
  expectTypeOf<CtfImport>().toExtend<CtfDocumentInput>();
  expectTypeOf<CtfImportReport>().toExtend<CtfDocumentInput>();
  expectTypeOf(toCtfXml).returns.toEqualTypeOf<string>();
});

test('the writers take a fixed day model; only reading may infer it', () => {
  expectTypeOf<'auto'>().toExtend<NonNullable<CtfOptions['dayModel']>>();
  expectTypeOf<'auto'>().not.toExtend<NonNullable<ToCtfXmlOptions['dayModel']>>();
  const period = { startDate: isoDate('2025-09-01'), endDate: isoDate('2025-09-05') };
  // @ts-expect-error: 'auto' is for reading
  toCtfAttendanceMarks([], { ...period, dayModel: 'auto' });
  // @ts-expect-error: a code width is 1 or 2
  toCtfAttendanceMarks([], { ...period, codeWidth: 3 });
  // @ts-expect-error: dates are checked IsoDate strings
  toCtfAttendanceMarks([], { startDate: '2025-09-01', endDate: '2025-09-05' });
});
