import { CODE_SET_2024_START } from './codeSetDates.js';
import type { RegisterCodeDefinition } from './types.js';

const REG_2024 = 'SI 2024/208 reg 10';
const DFE_DATA = 'DfE attendance statistics identities (possible = attendance + absence)';

function code2024(
  definition: Omit<
    RegisterCodeDefinition,
    'codeSet' | 'validFrom' | 'validTo' | 'possibleSession' | 'countsTowardPenaltyNotice'
  >
): RegisterCodeDefinition {
  return {
    ...definition,
    codeSet: '2024',
    validFrom: CODE_SET_2024_START,
    validTo: null,
    possibleSession: definition.category !== 'not-possible',
    // The national framework counts G, N, O and U, which are exactly the unauthorised codes.
    countsTowardPenaltyNotice: definition.category === 'unauthorised',
  };
}

/**
 * The DfE register codes in force from 19 August 2024, with their statistical treatment.
 *
 * @remarks
 * Sources: the School Attendance (Pupil Registration) (England) Regulations 2024 (SI 2024/208) reg 10 for the
 * circumstances each code records, and DfE's published attendance data for how each counts: possible sessions
 * are attendance plus absence; present = `/` + `\` + `L`; approved educational activity = B, J, P, V, W, K;
 * unauthorised = G, U, O, N; authorised = I, M, R, S, T, H, E, C, C1, J1, C2. Codes in none of those sums
 * (D, X, Q, Y1–Y7, Z, #) are not possible sessions. The penalty-notice column follows the national framework
 * (any mix of G, N, O, U).
 *
 * @example
 * REGISTER_CODES_2024.find((row) => row.code === 'J1')?.category //=> 'authorised'
 * @see {@link https://www.legislation.gov.uk/uksi/2024/208/regulation/10/made} (SI 2024/208 reg 10)
 * @category Codes
 */
export const REGISTER_CODES_2024: readonly RegisterCodeDefinition[] = [
  code2024({
    code: '/',
    meaning: 'Present at the start of the morning register.',
    group: 'attending-the-school',
    category: 'present',
    source: `${REG_2024} Table 1; ${DFE_DATA}`,
  }),
  code2024({
    code: '\\',
    meaning: 'Present at the start of the afternoon register.',
    group: 'attending-the-school',
    category: 'present',
    source: `${REG_2024} Table 1; ${DFE_DATA}`,
  }),
  code2024({
    code: 'L',
    meaning: 'Absent when the register began but arrived before it closed (late, counted as present).',
    group: 'attending-the-school',
    category: 'present',
    source: `${REG_2024} Table 1; DfE present_sessions includes L`,
  }),
  code2024({
    code: 'K',
    meaning:
      'Attending education provision arranged by the local authority at a place other than the school.',
    group: 'attending-a-place-other-than-the-school',
    category: 'approved-educational-activity',
    source: `${REG_2024} Table 2; DfE reason_k_aea_education_arranged_by_la`,
  }),
  code2024({
    code: 'V',
    meaning: 'Attending an educational visit or trip arranged and supervised by the school.',
    group: 'attending-a-place-other-than-the-school',
    category: 'approved-educational-activity',
    source: `${REG_2024} Table 2; ${DFE_DATA}`,
  }),
  code2024({
    code: 'P',
    meaning: 'Participating in an approved sporting activity.',
    group: 'attending-a-place-other-than-the-school',
    category: 'approved-educational-activity',
    source: `${REG_2024} Table 2; ${DFE_DATA}`,
  }),
  code2024({
    code: 'W',
    meaning: 'Attending work experience.',
    group: 'attending-a-place-other-than-the-school',
    category: 'approved-educational-activity',
    source: `${REG_2024} Table 2; ${DFE_DATA}`,
  }),
  code2024({
    code: 'B',
    meaning:
      'Attending any other approved educational activity, approved by the school and supervised by a suitably qualified person (remote learning is not B).',
    group: 'attending-a-place-other-than-the-school',
    category: 'approved-educational-activity',
    source: `${REG_2024} Table 2; ${DFE_DATA}`,
  }),
  code2024({
    code: 'D',
    meaning: 'Dual registered: attending the other school at which the pupil is also registered.',
    group: 'attending-a-place-other-than-the-school',
    category: 'not-possible',
    source: `${REG_2024} Table 2; DfE absence methodology (D not a possible session since September 2011)`,
    notes: 'Counted as attendance before September 2011.',
  }),
  code2024({
    code: 'C1',
    meaning: 'Leave to take part in a regulated performance or regulated employment abroad.',
    group: 'leave-of-absence',
    category: 'authorised',
    source: `${REG_2024}; DfE reason_c1_authorised_regulated_performance`,
  }),
  code2024({
    code: 'M',
    meaning: 'Leave to attend a medical or dental appointment.',
    group: 'leave-of-absence',
    category: 'authorised',
    source: `${REG_2024}; ${DFE_DATA}`,
  }),
  code2024({
    code: 'J1',
    meaning:
      'Leave to attend an interview for employment or for admission to another educational institution.',
    group: 'leave-of-absence',
    category: 'authorised',
    source: `${REG_2024}; DfE reason_j1_authorised_interview`,
    notes:
      'Replaces the pre-2024 J, which counted as approved educational activity (attendance); J1 is authorised absence.',
  }),
  code2024({
    code: 'S',
    meaning: 'Study leave.',
    group: 'leave-of-absence',
    category: 'authorised',
    source: `${REG_2024}; ${DFE_DATA}`,
  }),
  code2024({
    code: 'X',
    meaning: 'A pupil not of compulsory school age who is not required to attend this session.',
    group: 'leave-of-absence',
    category: 'not-possible',
    source: `${REG_2024}; DfE absence methodology`,
    notes: 'Valid only for pupils not of compulsory school age.',
  }),
  code2024({
    code: 'C2',
    meaning:
      'Leave for a compulsory-school-age pupil on a temporary part-time timetable, for sessions the timetable does not require.',
    group: 'leave-of-absence',
    category: 'authorised',
    source: `${REG_2024}; DfE reason_c2_authorised_temp_reduced_timetable`,
  }),
  code2024({
    code: 'C',
    meaning: 'Leave of absence for exceptional circumstances granted by the school.',
    group: 'leave-of-absence',
    category: 'authorised',
    source: `${REG_2024}; ${DFE_DATA}`,
    notes: 'Covers holidays granted in exceptional circumstances, formerly H.',
  }),
  code2024({
    code: 'T',
    meaning: 'Parent travelling for occupational purposes (mobile child), by agreement with the school.',
    group: 'absent-other-authorised-reasons',
    category: 'authorised',
    source: `${REG_2024}; DfE reason_t_authorised_mobile_child`,
  }),
  code2024({
    code: 'R',
    meaning: "Religious observance on a day set apart by the parent's religious body.",
    group: 'absent-other-authorised-reasons',
    category: 'authorised',
    source: `${REG_2024}; ${DFE_DATA}`,
  }),
  code2024({
    code: 'I',
    meaning: 'Illness (physical or mental health), not medical or dental appointments.',
    group: 'absent-other-authorised-reasons',
    category: 'authorised',
    source: `${REG_2024}; ${DFE_DATA}`,
  }),
  code2024({
    code: 'E',
    meaning: 'Suspended or permanently excluded and no alternative provision made.',
    group: 'absent-other-authorised-reasons',
    category: 'authorised',
    source: `${REG_2024}; ${DFE_DATA}`,
  }),
  code2024({
    code: 'Q',
    meaning:
      'Unable to attend because the local authority has not made access arrangements (e.g. transport).',
    group: 'unable-to-attend-unavoidable-cause',
    category: 'not-possible',
    source: `${REG_2024}; DfE reason_q_la_arrangements (outside attendance and absence sums)`,
  }),
  code2024({
    code: 'Y1',
    meaning: 'Transport normally provided is not available and home is not within walking distance.',
    group: 'unable-to-attend-unavoidable-cause',
    category: 'not-possible',
    source: `${REG_2024}; DfE reason_y1_transport_not_provided`,
  }),
  code2024({
    code: 'Y2',
    meaning: 'Widespread travel disruption caused by a local, national or international emergency.',
    group: 'unable-to-attend-unavoidable-cause',
    category: 'not-possible',
    source: `${REG_2024}; DfE reason_y2_travel_disruption`,
  }),
  code2024({
    code: 'Y3',
    meaning:
      'Part of the school premises unavoidably out of use and the pupil cannot be accommodated elsewhere on site.',
    group: 'unable-to-attend-unavoidable-cause',
    category: 'not-possible',
    source: `${REG_2024}; DfE reason_y3_premises_out_of_use`,
  }),
  code2024({
    code: 'Y4',
    meaning: 'The whole school site is unexpectedly closed and the session cancelled.',
    group: 'unable-to-attend-unavoidable-cause',
    category: 'not-possible',
    source: `${REG_2024}; DfE reason_y4_closed_session_cancelled`,
  }),
  code2024({
    code: 'Y5',
    meaning: 'In criminal-justice detention.',
    group: 'unable-to-attend-unavoidable-cause',
    category: 'not-possible',
    source: `${REG_2024}; DfE reason_y5_detention_sentence`,
  }),
  code2024({
    code: 'Y6',
    meaning:
      'Attendance or travel would breach public-health guidance or law relating to infectious disease.',
    group: 'unable-to-attend-unavoidable-cause',
    category: 'not-possible',
    source: `${REG_2024}; DfE reason_y6_prohibited_infection_disease`,
  }),
  code2024({
    code: 'Y7',
    meaning: 'Any other unavoidable cause.',
    group: 'unable-to-attend-unavoidable-cause',
    category: 'not-possible',
    source: `${REG_2024}; DfE reason_y7_unavoidable_cause`,
  }),
  code2024({
    code: 'G',
    meaning: 'Holiday taken without leave, or beyond the leave granted.',
    group: 'unauthorised-absence',
    category: 'unauthorised',
    source: `${REG_2024}; ${DFE_DATA}; national penalty-notice framework`,
  }),
  code2024({
    code: 'N',
    meaning: 'Reason for absence not yet established (temporary, to be replaced).',
    group: 'unauthorised-absence',
    category: 'unauthorised',
    source: `${REG_2024}; ${DFE_DATA}; national penalty-notice framework`,
  }),
  code2024({
    code: 'O',
    meaning: 'Absent in other or unknown circumstances.',
    group: 'unauthorised-absence',
    category: 'unauthorised',
    source: `${REG_2024}; ${DFE_DATA}; national penalty-notice framework`,
  }),
  code2024({
    code: 'U',
    meaning: 'Arrived after the register closed but before the end of the session.',
    group: 'unauthorised-absence',
    category: 'unauthorised',
    source: `${REG_2024}; ${DFE_DATA}; national penalty-notice framework`,
  }),
  code2024({
    code: 'Z',
    meaning: 'Prospective pupil not yet on the admission register.',
    group: 'administrative',
    category: 'not-possible',
    source: 'DfE absence methodology Annex C; DfE reason_z_not_attending_not_on_roll',
  }),
  code2024({
    code: '#',
    meaning: 'Planned whole-school closure (holiday, non-teaching or training day).',
    group: 'administrative',
    category: 'not-possible',
    source: 'DfE absence methodology Annex C; DfE reason_not_attending_planned_closed',
    notes:
      'Whether # still covers partial planned closure after 2024 is not confirmed; unplanned or partial closure uses Y3 or Y4.',
  }),
];
