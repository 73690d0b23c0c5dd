import { AttendanceError } from '../../errors.js';
import type { AttendanceIssue } from '../../errors.js';
import { fromZodIssues, ZOD_PARSE_CONTEXT } from '../../_internal/fromZodIssues.js';
import { serviceDirectorySchema } from './schema.js';
import type { ServiceDirectory } from './types.js';

/** What the schema cannot say: ids used twice, and ages the wrong way round. */
function checkDirectory(directory: ServiceDirectory): AttendanceIssue[] {
  const issues: AttendanceIssue[] = [];
  const seen = new Set<string>();
  directory.services.forEach((service, index) => {
    if (seen.has(service.id)) {
      issues.push({
        code: 'invalid_value',
        severity: 'error',
        message: `Service ${index + 1} has the id "${service.id}", which an earlier service has.`,
        path: ['services', index, 'id'],
        field: 'id',
        expected: 'an id no other service has',
      });
    }
    seen.add(service.id);
    const { minimumAge, maximumAge } = service;
    if (minimumAge !== undefined && maximumAge !== undefined && minimumAge > maximumAge) {
      issues.push({
        code: 'invalid_value',
        severity: 'error',
        message: `Service "${service.id}" sees ages ${minimumAge} to ${maximumAge}: the youngest is above the oldest.`,
        path: ['services', index, 'minimumAge'],
        field: 'minimumAge',
        expected: `at most ${maximumAge}`,
      });
    }
  });
  return issues;
}

/**
 * Validates a directory of partner services given as data (e.g. a local authority's JSON file): each service's
 * id, name, the barriers it addresses, the phases and ages it sees, how to refer, whether consent is needed and
 * its contact point. Read a CSV directory with `parseServiceDirectoryCsv` from `school-attendance/io`.
 *
 * @param value - The directory, as untrusted data.
 * @returns The directory, for {@link suggestSupport}.
 * @throws {@link AttendanceError} Listing every problem with its path (e.g. `['services', 2, 'phases', 0]`).
 * @example
 * const directory = defineServiceDirectory({
 *   name: 'Example LA',
 *   services: [{ id: 'young-carers', name: "Young Carers' Service", barriers: ['young-carer'],
 *     phases: ['primary', 'secondary'], howToRefer: 'online form', consentNeeded: true, contact: 'duty line' }],
 * });
 * directory.services[0].id //=> 'young-carers'
 * @category Escalation
 */
export function defineServiceDirectory(value: unknown): ServiceDirectory {
  const parsed = serviceDirectorySchema().safeParse(value, ZOD_PARSE_CONTEXT);
  const issues = parsed.success ? checkDirectory(parsed.data) : fromZodIssues(parsed.error.issues);
  const [first, ...rest] = issues;
  if (first !== undefined) throw new AttendanceError([first, ...rest]);
  return parsed.data as ServiceDirectory;
}
