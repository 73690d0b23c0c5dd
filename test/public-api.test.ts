import { expect, test } from 'vitest';
import * as library from '../src/index.js';

// The public surface is a reviewed decision: adding or removing an export must change this list on purpose.
const PUBLIC_VALUES = [
  'defineEscalationPolicy',
  'transition',
  'runEscalation',
  'HCAT_ESCALATION_POLICY',
  'initialEscalationState',
  'explainEscalation',
  'countLateness',
  'defineLatenessPolicy',
  'DFE_REGISTER_MAXIMUM_OPEN_MINUTES',
  'HCAT_LATENESS_POLICY',
  'safeDefineLatenessPolicy',
  'toLateMark',
  'NATIONAL_PENALTY_NOTICE_RULE',
  'HCAT_PENALTY_NOTICE_RULE',
  'assessPenaltyNoticeThreshold',
  'countRollingWindow',
  'toSessionSlots',
  'safeDefineSchoolCalendar',
  'isSchoolDay',
  'findSchoolWeek',
  'findHalfTerm',
  'eachSessionSlot',
  'eachSchoolWeek',
  'eachSchoolDay',
  'defineSchoolCalendar',
  'checkMarksAgainstCalendar',
  'AttendanceError',
  'CODE_SET_2024_START',
  'CODE_SET_PRE_2024_END',
  'CODE_SET_PRE_2024_START',
  'COMPACT_CODES',
  'DFE_2005_TO_2010_POLICY',
  'DFE_2010_TO_2015_POLICY',
  'DFE_ABSENCE_BANDS',
  'DFE_CONTINUOUS_ABSENCE_DELETION_GROUND',
  'DFE_CONTINUOUS_ABSENCE_RETURN',
  'DFE_LIVE_FIGURES_POLICY',
  'DFE_POLICY',
  'DFE_SICKNESS_RETURN',
  'HCAT_ATTENDANCE_BANDS',
  'HCAT_CLASSIFICATION_BANDS',
  'HCAT_POLICY',
  'HCAT_RAG_BANDS',
  'HCAT_UNEXPLAINED_ABSENCE_PROTOCOL',
  'PENALTY_NOTICE_REGIMES',
  'POLICY_PRESETS',
  'REGISTER_CODES_2024',
  'REGISTER_CODES_PRE_2024',
  'UNMARKED_CODES',
  'assessPenaltyNotice',
  'classifyAbsence',
  'classifyBand',
  'classifyCode',
  'countSessions',
  'createSessionSlots',
  'defineBandTable',
  'definePolicy',
  'findAbsenceActions',
  'findContinuousAbsence',
  'findSicknessReturns',
  'groupMarksByPupil',
  'isIsoDate',
  'isPersistentlyAbsent',
  'isSeverelyAbsent',
  'isoDate',
  'parseSessionMarks',
  'safeCountSessions',
  'safeDefineBandTable',
  'safeDefinePolicy',
  'safeParseSessionMarks',
  'toAbsenceRate',
  'toAttendanceRate',
  'toAuthorisedAbsenceRate',
  'toCompactCode',
  'toCompactRegister',
  'toPaymentDueDates',
  'toPercentage',
  'toUnauthorisedAbsenceRate',
];

test('the root entry exports exactly the reviewed public values', () => {
  expect(Object.keys(library).sort()).toEqual([...PUBLIC_VALUES].sort());
});

test('every policy preset is frozen-safe plain data that survives a JSON round trip', () => {
  for (const preset of Object.values(library.POLICY_PRESETS)) {
    expect(JSON.parse(JSON.stringify(preset))).toEqual(preset);
  }
});

test('COMPACT_CODES cannot be changed at run time', () => {
  expect(Object.isFrozen(library.COMPACT_CODES)).toBe(true);
});
