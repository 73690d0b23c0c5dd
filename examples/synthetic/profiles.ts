import type { SyntheticProfile } from './types.js';

/** A range to draw from, both ends included. */
export type Range = readonly [number, number];

/** The numbers behind a profile. Each pupil draws its own values from the ranges. */
export interface ProfileParameters {
  /** The share of sessions missed (before the change point, for `improving` and `declining`). */
  readonly absence: Range;
  /** The share of sessions missed after the change point, if the profile has one. */
  readonly absenceLater?: Range;
  /** Where the change comes, as a share of the way through the register. */
  readonly changeAt?: Range;
  /** The share of absence that is unauthorised (O, N); the rest is mostly illness (I) and appointments (M). */
  readonly unauthorisedShare: Range;
  /** The longest spell of whole days absent. */
  readonly longestSpellDays: number;
  /** The share of mornings attended late before the register closed (L). */
  readonly late: Range;
  /** The share of mornings attended late after the register closed (U). */
  readonly lateAfterClose: Range;
  /** Absence falls mostly on Mondays and Fridays. */
  readonly mondayFriday: boolean;
  /** The chance of a block of term-time holiday (G) next to a break, and its length in school days. */
  readonly holiday: { readonly chance: number; readonly days: Range };
  /** The chance of a second, shorter block of holiday. */
  readonly secondHolidayChance: number;
  /** The chance of a suspension (E) of one to three days. */
  readonly suspensionChance: number;
  /** The chance of a part-time timetable (C2): afternoons for several weeks. */
  readonly partTimeTimetableChance: number;
  /** The chance of a block of education arranged by the local authority (K). */
  readonly localAuthorityProvisionChance: number;
  /** The chances of free school meals, SEN support and an EHC plan (pupils with more absence have more). */
  readonly fsmChance: number;
  readonly senSupportChance: number;
  readonly ehcPlanChance: number;
}

const NO_HOLIDAY = { chance: 0.02, days: [1, 3] } as const;

/** The parameters of each profile, tuned so the default mix gives national-looking figures. */
export const PROFILE_PARAMETERS: Readonly<Record<SyntheticProfile, ProfileParameters>> = {
  'good-attender': {
    absence: [0.003, 0.03],
    unauthorisedShare: [0, 0.1],
    longestSpellDays: 3,
    late: [0, 0.02],
    lateAfterClose: [0, 0.002],
    mondayFriday: false,
    holiday: { chance: 0.01, days: [1, 2] },
    secondHolidayChance: 0,
    suspensionChance: 0.002,
    partTimeTimetableChance: 0,
    localAuthorityProvisionChance: 0,
    fsmChance: 0.17,
    senSupportChance: 0.1,
    ehcPlanChance: 0.03,
  },
  typical: {
    absence: [0.02, 0.065],
    unauthorisedShare: [0.05, 0.3],
    longestSpellDays: 4,
    late: [0.005, 0.05],
    lateAfterClose: [0, 0.01],
    mondayFriday: false,
    holiday: NO_HOLIDAY,
    secondHolidayChance: 0,
    suspensionChance: 0.01,
    partTimeTimetableChance: 0,
    localAuthorityProvisionChance: 0,
    fsmChance: 0.23,
    senSupportChance: 0.13,
    ehcPlanChance: 0.04,
  },
  'persistent-absentee': {
    absence: [0.11, 0.25],
    unauthorisedShare: [0.1, 0.6],
    longestSpellDays: 5,
    late: [0.02, 0.1],
    lateAfterClose: [0, 0.03],
    mondayFriday: false,
    holiday: { chance: 0.05, days: [2, 5] },
    secondHolidayChance: 0,
    suspensionChance: 0.06,
    partTimeTimetableChance: 0.03,
    localAuthorityProvisionChance: 0.03,
    fsmChance: 0.42,
    senSupportChance: 0.22,
    ehcPlanChance: 0.07,
  },
  'severe-absentee': {
    absence: [0.5, 0.75],
    unauthorisedShare: [0.35, 0.8],
    longestSpellDays: 10,
    late: [0.05, 0.2],
    lateAfterClose: [0.02, 0.08],
    mondayFriday: false,
    holiday: { chance: 0, days: [0, 0] },
    secondHolidayChance: 0,
    suspensionChance: 0.15,
    partTimeTimetableChance: 0.3,
    localAuthorityProvisionChance: 0.15,
    fsmChance: 0.55,
    senSupportChance: 0.3,
    ehcPlanChance: 0.15,
  },
  'term-time-holiday': {
    absence: [0.015, 0.06],
    unauthorisedShare: [0, 0.15],
    longestSpellDays: 3,
    late: [0, 0.03],
    lateAfterClose: [0, 0.005],
    mondayFriday: false,
    holiday: { chance: 1, days: [3, 10] },
    secondHolidayChance: 0.25,
    suspensionChance: 0.005,
    partTimeTimetableChance: 0,
    localAuthorityProvisionChance: 0,
    fsmChance: 0.15,
    senSupportChance: 0.1,
    ehcPlanChance: 0.03,
  },
  'persistent-late': {
    absence: [0.02, 0.06],
    unauthorisedShare: [0.1, 0.3],
    longestSpellDays: 3,
    late: [0.2, 0.35],
    lateAfterClose: [0.09, 0.2],
    mondayFriday: false,
    holiday: NO_HOLIDAY,
    secondHolidayChance: 0,
    suspensionChance: 0.02,
    partTimeTimetableChance: 0,
    localAuthorityProvisionChance: 0,
    fsmChance: 0.38,
    senSupportChance: 0.18,
    ehcPlanChance: 0.05,
  },
  'monday-friday': {
    absence: [0.07, 0.14],
    unauthorisedShare: [0.3, 0.65],
    longestSpellDays: 2,
    late: [0.02, 0.08],
    lateAfterClose: [0, 0.02],
    mondayFriday: true,
    holiday: NO_HOLIDAY,
    secondHolidayChance: 0,
    suspensionChance: 0.03,
    partTimeTimetableChance: 0,
    localAuthorityProvisionChance: 0,
    fsmChance: 0.35,
    senSupportChance: 0.16,
    ehcPlanChance: 0.04,
  },
  improving: {
    absence: [0.15, 0.32],
    absenceLater: [0.005, 0.035],
    changeAt: [0.15, 0.5],
    unauthorisedShare: [0.1, 0.5],
    longestSpellDays: 5,
    late: [0.01, 0.06],
    lateAfterClose: [0, 0.02],
    mondayFriday: false,
    holiday: NO_HOLIDAY,
    secondHolidayChance: 0,
    suspensionChance: 0.03,
    partTimeTimetableChance: 0,
    localAuthorityProvisionChance: 0,
    fsmChance: 0.33,
    senSupportChance: 0.17,
    ehcPlanChance: 0.05,
  },
  declining: {
    absence: [0.005, 0.04],
    absenceLater: [0.25, 0.6],
    changeAt: [0.45, 0.9],
    unauthorisedShare: [0, 0.3],
    longestSpellDays: 5,
    late: [0.01, 0.06],
    lateAfterClose: [0, 0.02],
    mondayFriday: false,
    holiday: NO_HOLIDAY,
    secondHolidayChance: 0,
    suspensionChance: 0.03,
    partTimeTimetableChance: 0,
    localAuthorityProvisionChance: 0,
    fsmChance: 0.33,
    senSupportChance: 0.17,
    ehcPlanChance: 0.05,
  },
};

/**
 * The default mix: most pupils attend well, about one in five ends up a persistent absentee (with the
 * improving, declining, Monday/Friday and late profiles contributing), as in the DfE's national figures.
 */
export const DEFAULT_PROFILE_MIX: Readonly<Record<SyntheticProfile, number>> = {
  'good-attender': 0.37,
  typical: 0.33,
  'persistent-absentee': 0.07,
  'severe-absentee': 0.015,
  'term-time-holiday': 0.06,
  'persistent-late': 0.035,
  'monday-friday': 0.04,
  improving: 0.035,
  declining: 0.045,
};
