import type { Session } from '../../calendar/types.js';

/**
 * The spellings of the morning and afternoon sessions that the long-format importers accept, in lower case.
 *
 * @remarks
 * A session cell matches ignoring case, surrounding spaces and repeated inner spaces, so `' Morning '` and
 * `'A.M.'` are both `AM`. SIMS, Assembly, Wonde and GO4Schools write `AM`/`PM`; report exports and Arbor roll
 * call names spell them out. Single letters are deliberately absent (`A` could be either session). Add a
 * system's own names with the `sessionNames` option.
 *
 * @example
 * REGISTER_SESSION_NAMES['morning registration'] //=> 'AM'
 * REGISTER_SESSION_NAMES['p.m.'] //=> 'PM'
 * @category Import
 */
export const REGISTER_SESSION_NAMES: Readonly<Record<string, Session>> = Object.freeze({
  am: 'AM',
  'a.m.': 'AM',
  'a.m': 'AM',
  morning: 'AM',
  'morning session': 'AM',
  'morning registration': 'AM',
  'morning register': 'AM',
  'am session': 'AM',
  'am registration': 'AM',
  'am register': 'AM',
  'am roll call': 'AM',
  pm: 'PM',
  'p.m.': 'PM',
  'p.m': 'PM',
  afternoon: 'PM',
  'afternoon session': 'PM',
  'afternoon registration': 'PM',
  'afternoon register': 'PM',
  'pm session': 'PM',
  'pm registration': 'PM',
  'pm register': 'PM',
  'pm roll call': 'PM',
});
