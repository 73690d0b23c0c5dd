/** The form of a service's id and of a kind of barrier: kebab-case, as the library's own vocabulary is written. */
export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
