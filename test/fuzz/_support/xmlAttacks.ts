import fc from 'fast-check';

// The classic attacks on XML readers, put into real files: entity expansion ("billion laughs", and the quadratic
// blow-up of one big entity used many times), external entities and DTDs (a reader that fetched them would leak
// local files or reach the network), parameter entities, and elements nested far deeper than any limit. A safe
// reader expands nothing, fetches nothing and refuses or reports the document, quickly and without throwing.

/** The text a successful external-entity attack would bring into the result. */
export const LEAK_MARKER = 'root:x:0:0';

const LAUGHS = [
  '<!ENTITY lol "lol">',
  ...Array.from(
    { length: 9 },
    (_, level) => `<!ENTITY lol${level + 1} "${`&lol${level === 0 ? '' : level};`.repeat(10)}">`
  ),
].join('');

/** The internal subsets (and external DTDs) of the attacks, and the entity reference each one plants. */
export const XML_ATTACKS = {
  billionLaughs: { doctype: `[${LAUGHS}]`, reference: '&lol9;' },
  quadraticBlowup: { doctype: `[<!ENTITY big "${'A'.repeat(50_000)}">]`, reference: '&big;'.repeat(2000) },
  externalFile: { doctype: '[<!ENTITY xxe SYSTEM "file:///etc/passwd">]', reference: '&xxe;' },
  externalHttp: { doctype: '[<!ENTITY xxe SYSTEM "http://127.0.0.1:9/evil">]', reference: '&xxe;' },
  parameterEntity: {
    doctype: '[<!ENTITY % remote SYSTEM "file:///etc/passwd"> %remote; <!ENTITY leak "%remote;">]',
    reference: '&leak;',
  },
  externalDtd: { doctype: 'SYSTEM "file:///etc/passwd"', reference: '' },
  publicDtd: { doctype: 'PUBLIC "-//X//DTD X//EN" "http://127.0.0.1:9/x.dtd"', reference: '' },
  undefinedEntity: { doctype: '', reference: '&nothing;' },
} as const;

/** The name of an attack. */
export type XmlAttackName = keyof typeof XML_ATTACKS;

/** The names of every attack. */
export const XML_ATTACK_NAMES = Object.keys(XML_ATTACKS) as XmlAttackName[];

/**
 * A document with an attack planted: the DOCTYPE after the XML declaration (or at the start), the entity
 * reference in the text of the `at`-th element that holds text.
 *
 * @param xml - A real document.
 * @param attack - Which attack.
 * @param at - Which text element gets the reference (modulo their number).
 */
export function plantXmlAttack(xml: string, attack: XmlAttackName, at: number): string {
  const { doctype, reference } = XML_ATTACKS[attack];
  const root = /<([A-Za-z_][\w.-]*)[\s>]/.exec(
    xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, (text) => ' '.repeat(text.length))
  );
  const rootName = root?.[1] ?? 'root';
  const declarationEnd = xml.startsWith('<?xml') ? xml.indexOf('?>') + 2 : 0;
  let result = xml;
  if (reference !== '') {
    const texts = [...result.matchAll(/>([^<>\s][^<>]*)</g)];
    const chosen = texts[at % Math.max(texts.length, 1)];
    if (chosen?.index !== undefined)
      result = `${result.slice(0, chosen.index + 1)}${reference}${result.slice(chosen.index + 1)}`;
  }
  const declaration = doctype === '' ? '' : `\n<!DOCTYPE ${rootName} ${doctype}>\n`;
  return `${result.slice(0, declarationEnd)}${declaration}${result.slice(declarationEnd)}`;
}

/** An attack and where to plant it. */
export const xmlAttackArb = fc.record({ attack: fc.constantFrom(...XML_ATTACK_NAMES), at: fc.nat() });

/**
 * A document with `depth` nested elements put inside the `at`-th element that holds text (or, in `text` mode,
 * an element's text made of `depth` copies of a character).
 *
 * @param xml - A real document.
 * @param depth - How many levels.
 * @param at - Which text element (modulo their number).
 * @param name - The nested elements' name (the reader's own names reach further in).
 */
export function nestXml(xml: string, depth: number, at: number, name = 'x'): string {
  const texts = [...xml.matchAll(/>([^<>\s][^<>]*)</g)];
  const chosen = texts[at % Math.max(texts.length, 1)];
  const insert = `${`<${name}>`.repeat(depth)}${`</${name}>`.repeat(depth)}`;
  if (chosen?.index === undefined) return xml + insert;
  return `${xml.slice(0, chosen.index + 1)}${insert}${xml.slice(chosen.index + 1)}`;
}
