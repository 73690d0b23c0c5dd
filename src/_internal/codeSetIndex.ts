import { CODE_SET_2024_START } from '../codes/codeSetDates.js';
import type { ClassifyCodeOptions } from '../codes/classifyCode.js';
import { SET_2024, SET_PRE_2024 } from './codeTables.js';
import { invalidArgument } from './issues.js';

/** Resolves the code set index for a session date, or an explicit set. */
export function codeSetIndexFor(options: ClassifyCodeOptions): 0 | 1 {
  const codeSet = options.codeSet ?? 'by-date';
  if (codeSet === '2024') return SET_2024;
  if (codeSet === 'pre-2024') return SET_PRE_2024;
  if (options.date === undefined) {
    return invalidArgument({
      code: 'invalid_value',
      message: 'classifyCode needs a date to choose the code set by date, or an explicit codeSet.',
      path: ['date'],
      field: 'date',
      expected: 'an IsoDate, or codeSet "2024" or "pre-2024"',
      received: 'undefined',
    });
  }
  return options.date >= CODE_SET_2024_START ? SET_2024 : SET_PRE_2024;
}
