import type { Session } from '../../../calendar/types.js';
import { REGISTER_SESSION_NAMES } from '../registerSessionNames.js';
import type { RegisterSessionNames } from '../types.js';

const CACHE_LIMIT = 10_000;

/** Lower case, trimmed, inner runs of white space made one space: the form session names are looked up in. */
function normaliseSessionName(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Reads session cells against the built-in spellings plus any extra ones, caching each distinct cell. */
export class RegisterSessionReader {
  /** What a session cell should hold, in words. */
  readonly expected = 'AM or PM (or a spelling such as Morning, A.M., Afternoon, P.M.)';
  private readonly names: ReadonlyMap<string, Session>;
  private readonly cache = new Map<string, Session | null>();

  constructor(extra: RegisterSessionNames | undefined) {
    const names = new Map<string, Session>(Object.entries(REGISTER_SESSION_NAMES));
    if (extra !== undefined) {
      for (const [name, session] of Object.entries(extra)) names.set(normaliseSessionName(name), session);
    }
    this.names = names;
  }

  /** The session, or `null` for a cell that names neither. */
  read(text: string): Session | null {
    const cached = this.cache.get(text);
    if (cached !== undefined) return cached;
    const session = this.names.get(normaliseSessionName(text)) ?? null;
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(text, session);
    return session;
  }
}
