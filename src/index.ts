/**
 * The attendance rules of schools in England as small, exact, pure functions: register codes, session counts,
 * rates, persistent and severe absence, bands, calendars, rolling windows, penalty notices, lateness, continuous
 * absence, the stage machine, cohorts, patterns and compulsory school age.
 *
 * @packageDocumentation
 * @module school-attendance
 */

// The public API: every export is listed by name, so the surface is a reviewed decision
// (test/public-api.test.ts pins it).

// Age
export { ageAtStartOfSchoolYear } from './age/ageAtStartOfSchoolYear.js';
export { ageOn } from './age/ageOn.js';
export { compulsorySchoolAgeEnd } from './age/compulsorySchoolAgeEnd.js';
export { compulsorySchoolAgeStart } from './age/compulsorySchoolAgeStart.js';
export { isOfCompulsorySchoolAge } from './age/isOfCompulsorySchoolAge.js';
export type { CompulsorySchoolAgeOptions, SchoolYearBoundary } from './age/types.js';

// Calendar
export { checkMarksAgainstCalendar } from './calendar/checkMarksAgainstCalendar.js';
export type { CheckMarksAgainstCalendarOptions } from './calendar/checkMarksAgainstCalendar.js';
export { defineSchoolCalendar } from './calendar/defineSchoolCalendar.js';
export { eachSchoolDay } from './calendar/eachSchoolDay.js';
export { eachSchoolWeek } from './calendar/eachSchoolWeek.js';
export { eachSessionSlot } from './calendar/eachSessionSlot.js';
export { findHalfTerm } from './calendar/findHalfTerm.js';
export { findSchoolWeek } from './calendar/findSchoolWeek.js';
export { isIsoDate } from './calendar/isIsoDate.js';
export { isoDate } from './calendar/isoDate.js';
export { isSchoolDay } from './calendar/isSchoolDay.js';
export { safeDefineSchoolCalendar } from './calendar/safeDefineSchoolCalendar.js';
export { toSessionSlots } from './calendar/toSessionSlots.js';
export type {
  Closure,
  ClosureReason,
  DateRange,
  HalfTerm,
  HalfTermInfo,
  IsoDate,
  SchoolCalendar,
  SchoolWeek,
  SchoolYear,
  Session,
  SessionSlot,
} from './calendar/types.js';

// Codes
export { classifyCode } from './codes/classifyCode.js';
export type { ClassifyCodeOptions, CodeClassification } from './codes/classifyCode.js';
export { CODE_SET_2024_START, CODE_SET_PRE_2024_END, CODE_SET_PRE_2024_START } from './codes/codeSetDates.js';
export { COMPACT_CODES, toCompactCode, UNMARKED_CODES } from './codes/compactCodes.js';
export { REGISTER_CODES_2024 } from './codes/registerCodes2024.js';
export { REGISTER_CODES_PRE_2024 } from './codes/registerCodesPre2024.js';
export type {
  CodeGroup,
  CodeSetId,
  RegisterCode,
  RegisterCodeDefinition,
  StatisticalCategory,
} from './codes/types.js';

// Cohorts
export { aggregateCohort } from './cohort/aggregateCohort.js';
export { ABSENCE_CLASSES, analyseCohortRegister } from './cohort/analyseCohortRegister.js';
export { createCohortRegister } from './cohort/createCohortRegister.js';
export type { CreateCohortRegisterOptions, PupilMarks } from './cohort/createCohortRegister.js';
export { aggregateCohortBy } from './cohort/aggregateCohortBy.js';
export { excludeDates } from './cohort/excludeDates.js';
export { isInDfeStatisticalCohort } from './cohort/isInDfeStatisticalCohort.js';
export { sumSessionCounts } from './cohort/sumSessionCounts.js';
export { countsFromCodeTotals, safeCountsFromCodeTotals } from './cohort/countsFromCodeTotals.js';
export type {
  CodeTotals,
  CodeTotalsCounts,
  CountsFromCodeTotalsOptions,
} from './cohort/countsFromCodeTotals.js';
export type {
  AggregateCohortOptions,
  AnalyseCohortRegisterOptions,
  CohortAttributeValue,
  CohortBandCount,
  CohortBreakdown,
  CohortCountColumns,
  CohortEnrolment,
  CohortEnrolmentCounts,
  CohortFigures,
  CohortGroup,
  CohortPupilFigures,
  CohortPupilWindow,
  CohortRegister,
  CohortRegisterFigures,
  CohortWindowColumns,
} from './cohort/types.js';

// Continuous absence
export { findAbsenceActions } from './absence/findAbsenceActions.js';
export { findContinuousAbsence } from './absence/findContinuousAbsence.js';
export type { FindContinuousAbsenceOptions } from './absence/findContinuousAbsence.js';
export { findSicknessReturns } from './absence/findSicknessReturns.js';
export {
  DFE_CONTINUOUS_ABSENCE_DELETION_GROUND,
  DFE_CONTINUOUS_ABSENCE_RETURN,
  DFE_SICKNESS_RETURN,
  HCAT_UNEXPLAINED_ABSENCE_PROTOCOL,
} from './absence/presets.js';
export type {
  AbsenceNotificationPolicy,
  AbsenceNotificationStep,
  ContinuousAbsenceAction,
  ContinuousAbsenceRun,
  OtherAbsenceTreatment,
  SicknessReturnAction,
  SicknessReturnEvidence,
  SicknessReturnPolicy,
} from './absence/types.js';

// Escalation
export { defineEscalationPolicy } from './escalation/defineEscalationPolicy.js';
export { safeDefineEscalationPolicy } from './escalation/safeDefineEscalationPolicy.js';
export { explainEscalation } from './escalation/explainEscalation.js';
export { initialEscalationState } from './escalation/initialEscalationState.js';
export { HCAT_ESCALATION_POLICY } from './escalation/presets.js';
export { runEscalation } from './escalation/runEscalation.js';
export type { EscalationStep, EscalationTimeline, RunEscalationOptions } from './escalation/runEscalation.js';
export { transition } from './escalation/transition.js';
export { defineEscalationLadder } from './escalation/ladder/defineEscalationLadder.js';
export { safeDefineEscalationLadder } from './escalation/ladder/safeDefineEscalationLadder.js';
export { trustLadder } from './escalation/ladder/trustLadder.js';
export { ladderToMermaid } from './escalation/ladder/ladderToMermaid.js';
export {
  DFE_SUPPORT_FIRST_DEFAULTS,
  DFE_SUPPORT_FIRST_LADDER,
  supportFirstLadder,
} from './escalation/ladder/supportFirstLadder.js';
export type { SupportFirstOptions } from './escalation/ladder/supportFirstLadder.js';
export { BARRIERS } from './escalation/support/barriers.js';
export type { BarrierEntry } from './escalation/support/barriers.js';
export { defineServiceDirectory } from './escalation/support/defineServiceDirectory.js';
export { safeDefineServiceDirectory } from './escalation/support/safeDefineServiceDirectory.js';
export { suggestSupport } from './escalation/support/suggestSupport.js';
export type { SuggestSupportOptions, SupportSuggestion } from './escalation/support/suggestSupport.js';
export type { ExplainEscalationOptions } from './escalation/explainEscalation.js';
export type {
  BarrierKind,
  CaseSupport,
  PartnerService,
  SchoolPhase,
  ServiceDirectory,
  RecordedBarrier,
  ReferralOutcome,
  ReferralRecord,
  SupportOffer,
  SupportTier,
} from './escalation/support/types.js';
export type {
  ActionDoneBy,
  EscalationLadder,
  LadderAction,
  LadderCondition,
  LadderReview,
  LadderRule,
  LadderStage,
  SupportStep,
} from './escalation/ladder/types.js';
export type {
  EscalationAction,
  EscalationActionKind,
  EscalationEvent,
  EscalationFigures,
  EscalationHistoryEntry,
  EscalationJump,
  EscalationPolicy,
  EscalationRefusal,
  EscalationStage,
  EscalationState,
  TransitionResult,
  TrustActionKind,
} from './escalation/types.js';

// Errors
export { AttendanceError, isAttendanceError } from './errors.js';
export type { AttendanceIssue, AttendanceIssueCode, SafeResult } from './errors.js';

// Input
export { parseSessionMarks } from './io/parseSessionMarks.js';
export { safeParseSessionMarks } from './io/safeParseSessionMarks.js';

// Lateness
export { countLateness } from './lateness/countLateness.js';
export { defineLatenessPolicy } from './lateness/defineLatenessPolicy.js';
export { DFE_REGISTER_MAXIMUM_OPEN_MINUTES, HCAT_LATENESS_POLICY } from './lateness/presets.js';
export { safeDefineLatenessPolicy } from './lateness/safeDefineLatenessPolicy.js';
export { toLateMark } from './lateness/toLateMark.js';
export type {
  HalfTermLateness,
  LateCode,
  LateMark,
  LateMarkCode,
  LatenessAction,
  LatenessActionReached,
  LatenessCounts,
  LatenessPolicy,
  RegisterTimes,
} from './lateness/types.js';

// Patterns
export { compareAttendancePeriods } from './patterns/compareAttendancePeriods.js';
export type {
  AttendancePeriodComparison,
  AttendancePeriodFigures,
  CompareAttendancePeriodsOptions,
} from './patterns/compareAttendancePeriods.js';
export { countByDayOfWeek } from './patterns/countByDayOfWeek.js';
export type {
  AttendanceByDayOfWeek,
  DayOfWeekAttendance,
  DayOfWeekCounts,
  SchoolWeekday,
} from './patterns/countByDayOfWeek.js';
export { countLessonAttendance } from './patterns/countLessonAttendance.js';
export type {
  CountLessonAttendanceOptions,
  LessonAttendance,
  LessonMark,
} from './patterns/countLessonAttendance.js';
export { countRemainingSessions } from './patterns/countRemainingSessions.js';
export { findBestAttendanceClassByWeek } from './patterns/findBestAttendanceClassByWeek.js';
export type {
  BestAttendanceClassWeek,
  ClassRegisters,
  ClassWeekAttendance,
} from './patterns/findBestAttendanceClassByWeek.js';
export { findConcentratedAbsenceDays } from './patterns/findConcentratedAbsenceDays.js';
export type {
  ConcentratedAbsenceDays,
  FindConcentratedAbsenceDaysOptions,
} from './patterns/findConcentratedAbsenceDays.js';
export { findFullAttendance } from './patterns/findFullAttendance.js';
export type { FindFullAttendanceOptions, FullAttendancePeriod } from './patterns/findFullAttendance.js';
export { findInternalTruancy } from './patterns/findInternalTruancy.js';
export type { InternalTruancyDay } from './patterns/findInternalTruancy.js';
export { fullAttendanceSessionsNeeded } from './patterns/fullAttendanceSessionsNeeded.js';
export type {
  FullAttendanceSessionsNeeded,
  FullAttendanceSessionsNeededOptions,
} from './patterns/fullAttendanceSessionsNeeded.js';
export { sessionsThatCanBeMissed } from './patterns/sessionsThatCanBeMissed.js';
export type {
  SessionsThatCanBeMissed,
  SessionsThatCanBeMissedOptions,
} from './patterns/sessionsThatCanBeMissed.js';
export { sumSeries, toHalfTermSeries, toWeeklySeries } from './patterns/toWeeklySeries.js';
export type {
  AttendanceSeriesFigures,
  HalfTermAttendance,
  WeeklyAttendance,
} from './patterns/toWeeklySeries.js';

// Penalty notices
export { assessPenaltyNotice } from './penalties/assessPenaltyNotice.js';
export { toPaymentDueDates } from './penalties/toPaymentDueDates.js';
export { penaltyNoticeAmountDue } from './penalties/penaltyNoticeAmountDue.js';
export type { PenaltyNoticeAmountDue } from './penalties/penaltyNoticeAmountDue.js';
export { PENALTY_NOTICE_REGIMES } from './penalties/penaltyNoticeRegimes.js';
export type {
  PenaltyNoticeAssessment,
  PenaltyNoticeCountingPeriod,
  PenaltyNoticePaymentDueDate,
  PenaltyNoticePaymentOption,
  PenaltyNoticeRecord,
  PenaltyNoticeRegime,
  PenaltyNoticeStatus,
  ProposedPenaltyNotice,
} from './penalties/types.js';

// Policy
export {
  DFE_ABSENCE_BANDS,
  HCAT_ATTENDANCE_BANDS,
  HCAT_CLASSIFICATION_BANDS,
  HCAT_RAG_BANDS,
} from './policy/bandTables.js';
export { defineBandTable } from './policy/defineBandTable.js';
export { definePolicy } from './policy/definePolicy.js';
export {
  DFE_2005_TO_2010_POLICY,
  DFE_2010_TO_2015_POLICY,
  DFE_LIVE_FIGURES_POLICY,
  DFE_POLICY,
  HCAT_POLICY,
  POLICY_PRESETS,
} from './policy/presets.js';
export type { PolicyPresetName } from './policy/presets.js';
export { safeDefineBandTable } from './policy/safeDefineBandTable.js';
export { safeDefinePolicy } from './policy/safeDefinePolicy.js';
export type { AbsenceThreshold, AttendancePolicy, Band, BandTable, PolicyOverrides } from './policy/types.js';

// Sessions
export { classifyAbsence } from './sessions/classifyAbsence.js';
export type { AbsenceClass } from './sessions/classifyAbsence.js';
export { classifyBand } from './sessions/classifyBand.js';
export type { BandClassification } from './sessions/classifyBand.js';
export { countSessions } from './sessions/countSessions.js';
export type { CountSessionsOptions } from './sessions/countSessions.js';
export { createSessionSlots } from './sessions/createSessionSlots.js';
export { groupMarksByPupil } from './sessions/groupMarksByPupil.js';
export { isPersistentlyAbsent } from './sessions/isPersistentlyAbsent.js';
export { isSeverelyAbsent } from './sessions/isSeverelyAbsent.js';
export { safeCountSessions } from './sessions/safeCountSessions.js';
export { toAbsenceRate } from './sessions/toAbsenceRate.js';
export { toAttendanceRate } from './sessions/toAttendanceRate.js';
export { toAuthorisedAbsenceRate } from './sessions/toAuthorisedAbsenceRate.js';
export { toCompactRegister } from './sessions/toCompactRegister.js';
export { toPercentage } from './sessions/toPercentage.js';
export type { Percentage, PercentageFormat, RoundingMode } from './sessions/toPercentage.js';
export { toUnauthorisedAbsenceRate } from './sessions/toUnauthorisedAbsenceRate.js';
export type {
  AbsenceCounts,
  CompactRegister,
  SessionCounts,
  SessionMark,
  SessionRate,
  SessionSlots,
} from './sessions/types.js';

// Windows
export { assessPenaltyNoticeThreshold } from './windows/assessPenaltyNoticeThreshold.js';
export type { PenaltyNoticeThresholdResult } from './windows/assessPenaltyNoticeThreshold.js';
export { countRollingWindow } from './windows/countRollingWindow.js';
export { HCAT_PENALTY_NOTICE_RULE, NATIONAL_PENALTY_NOTICE_RULE } from './windows/penaltyNoticeRules.js';
export type {
  RollingWindowResult,
  WindowMark,
  WindowMatch,
  WindowRule,
  WindowUnit,
} from './windows/types.js';
