import type { IsoDate } from '../calendar/types.js';
import { CODE_SET_PRE_2024_END, CODE_SET_PRE_2024_START } from './codeSetDates.js';
import type { RegisterCodeDefinition } from './types.js';

const REG_2006 = 'SI 2006/1751 (as amended 2010, 2011, 2013, 2016)';
const DFE_ANNEX_C = 'DfE absence methodology Annex C';

function codePre2024(
  definition: Omit<
    RegisterCodeDefinition,
    'codeSet' | 'validFrom' | 'validTo' | 'possibleSession' | 'countsTowardPenaltyNotice'
  > & {
    readonly validTo?: IsoDate;
  }
): RegisterCodeDefinition {
  return {
    ...definition,
    codeSet: 'pre-2024',
    validFrom: CODE_SET_PRE_2024_START,
    validTo: definition.validTo ?? CODE_SET_PRE_2024_END,
    possibleSession: definition.category !== 'not-possible',
    // Before 19 August 2024 thresholds were set by local codes of conduct; G, N, O and U are the unauthorised
    // codes that the national framework later counts, which is the most useful default for historic data.
    countsTowardPenaltyNotice: definition.category === 'unauthorised',
  };
}

/**
 * The register codes of the 2006 Regulations as amended, in use until 18 August 2024, for historic data.
 *
 * @remarks
 * The statistically material differences from the 2024 set: `J` (interview) counted as approved educational
 * activity, i.e. attendance, where its successor `J1` is authorised absence; `H` (agreed family holiday) and `F`
 * (agreed extended family holiday) were authorised absence and are now `C`; `Y` (unable to attend due to
 * exceptional circumstances) was not a possible session and is now split into `Y1`–`Y7` and `Q`.
 *
 * @example
 * REGISTER_CODES_PRE_2024.find((row) => row.code === 'J')?.category //=> 'approved-educational-activity'
 * @see {@link https://www.legislation.gov.uk/uksi/2006/1751/contents/made} (SI 2006/1751)
 * @category Codes
 */
export const REGISTER_CODES_PRE_2024: readonly RegisterCodeDefinition[] = [
  codePre2024({
    code: '/',
    meaning: 'Present (AM).',
    group: 'present',
    category: 'present',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: '\\',
    meaning: 'Present (PM).',
    group: 'present',
    category: 'present',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'L',
    meaning: 'Late, before the register closed (counted as present).',
    group: 'present',
    category: 'present',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'B',
    meaning: 'Educated off site (not dual registration).',
    group: 'approved-educational-activity',
    category: 'approved-educational-activity',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'D',
    meaning: 'Dual registered: attending another establishment.',
    group: 'approved-educational-activity',
    category: 'not-possible',
    source: `${REG_2006}; DfE absence methodology (D not a possible session since September 2011)`,
    notes: 'Counted as attendance before September 2011; this table gives the treatment from then on.',
  }),
  codePre2024({
    code: 'J',
    meaning: 'At an interview.',
    group: 'approved-educational-activity',
    category: 'approved-educational-activity',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
    notes: 'Attendance before 2024; its 2024 successor J1 is authorised absence.',
  }),
  codePre2024({
    code: 'P',
    meaning: 'Participating in a supervised sporting activity.',
    group: 'approved-educational-activity',
    category: 'approved-educational-activity',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'V',
    meaning: 'On an educational visit or trip.',
    group: 'approved-educational-activity',
    category: 'approved-educational-activity',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'W',
    meaning: 'On work experience.',
    group: 'approved-educational-activity',
    category: 'approved-educational-activity',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'C',
    meaning: 'Other authorised circumstances (leave authorised by the school).',
    group: 'authorised-absence',
    category: 'authorised',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'E',
    meaning: 'Excluded, no alternative provision made.',
    group: 'authorised-absence',
    category: 'authorised',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'F',
    meaning: 'Agreed extended family holiday.',
    group: 'authorised-absence',
    category: 'authorised',
    source: `${REG_2006}; DfE absence methodology (F merged into H; discontinued by the 2013 amendment)`,
    validTo: '2013-08-31' as IsoDate,
  }),
  codePre2024({
    code: 'H',
    meaning: 'Agreed family holiday (exceptional circumstances only from September 2013).',
    group: 'authorised-absence',
    category: 'authorised',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'I',
    meaning: 'Illness (not medical or dental appointments).',
    group: 'authorised-absence',
    category: 'authorised',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'M',
    meaning: 'Medical or dental appointment.',
    group: 'authorised-absence',
    category: 'authorised',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'R',
    meaning: 'Religious observance.',
    group: 'authorised-absence',
    category: 'authorised',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'S',
    meaning: 'Study leave.',
    group: 'authorised-absence',
    category: 'authorised',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'T',
    meaning: 'Traveller absence (Gypsy, Roma and Traveller).',
    group: 'authorised-absence',
    category: 'authorised',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'G',
    meaning: 'Family holiday not agreed, or days in excess of the agreed holiday.',
    group: 'unauthorised-absence',
    category: 'unauthorised',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'N',
    meaning: 'No reason yet provided for absence.',
    group: 'unauthorised-absence',
    category: 'unauthorised',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'O',
    meaning: 'Other unauthorised absence.',
    group: 'unauthorised-absence',
    category: 'unauthorised',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'U',
    meaning: 'Arrived after the register closed.',
    group: 'unauthorised-absence',
    category: 'unauthorised',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: 'X',
    meaning:
      'Non-compulsory-school-age pupil not required to attend (2020–22 also: not attending in circumstances relating to coronavirus).',
    group: 'attendance-not-required',
    category: 'not-possible',
    source: `${REG_2006}; DfE absence methodology (coronavirus use disapplied from April 2022)`,
  }),
  codePre2024({
    code: 'Y',
    meaning:
      'Unable to attend due to exceptional circumstances (e.g. closure, transport, travel disruption).',
    group: 'attendance-not-required',
    category: 'not-possible',
    source: `${REG_2006}; DfE attendance API code list`,
  }),
  codePre2024({
    code: 'Z',
    meaning: 'Pupil not yet on roll.',
    group: 'attendance-not-required',
    category: 'not-possible',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
  codePre2024({
    code: '#',
    meaning: 'Planned whole or partial school closure.',
    group: 'attendance-not-required',
    category: 'not-possible',
    source: `${REG_2006}; ${DFE_ANNEX_C}`,
  }),
];
