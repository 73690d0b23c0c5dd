import { invalidArgument } from '../_internal/issues.js';
import type { CompactRegister } from './types.js';

/**
 * Throws unless a compact register has exactly one code byte per session slot: the one shape check every reader
 * of compact registers makes before it trusts the bytes.
 *
 * @param register - The compact register.
 * @throws {@link AttendanceError} Naming the pupil, and the codes and slots counted.
 * @example
 * assertCompactRegisterShape(register); // then read register.codes[slot] for every slot
 */
export function assertCompactRegisterShape(register: CompactRegister): void {
  const { codes, slots } = register;
  if (codes.length === slots.dates.length) return;
  invalidArgument({
    code: 'invalid_value',
    message: `A compact register needs one code per session slot: ${codes.length} codes for ${slots.dates.length} slots.`,
    path: ['codes'],
    ...(register.pupilId === undefined ? {} : { pupilId: register.pupilId }),
    field: 'codes',
    expected: `${slots.dates.length} codes`,
    received: `${codes.length} codes`,
  });
}
