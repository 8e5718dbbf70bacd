/**
 * Minimal XML tree access for the DOCX reader: htmlparser2 in XML mode, elements matched by local
 * name (the `w:` prefix is a convention, not a rule), text and attributes without namespaces.
 */
import { parseDocument } from 'htmlparser2';

export interface XmlElement {
  readonly type: 'tag';
  /** Local name, without the namespace prefix. */
  readonly local: string;
  readonly attribs: Readonly<Record<string, string | undefined>>;
  readonly children: readonly XmlNode[];
}
export interface XmlText {
  readonly type: 'text';
  readonly data: string;
}
export type XmlNode = XmlElement | XmlText;

interface RawNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: RawNode[];
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

function convert(raw: RawNode): XmlNode | null {
  if (raw.type === 'text') return { type: 'text', data: raw.data ?? '' };
  if (raw.type !== 'tag' || raw.name === undefined) return null;
  const attribs: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw.attribs ?? {})) attribs[localName(k)] = v;
  const children: XmlNode[] = [];
  for (const c of raw.children ?? []) {
    const n = convert(c);
    if (n) children.push(n);
  }
  return { type: 'tag', local: localName(raw.name), attribs, children };
}

/** The document's root element (null when there is none). */
export function parseXml(xml: string): XmlElement | null {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true }) as unknown as RawNode;
  for (const c of doc.children ?? []) {
    const n = convert(c);
    if (n?.type === 'tag') return n;
  }
  return null;
}

export const isElement = (n: XmlNode | undefined): n is XmlElement => n?.type === 'tag';

export function child(el: XmlElement, local: string): XmlElement | undefined {
  return el.children.find((c): c is XmlElement => c.type === 'tag' && c.local === local);
}

export function childrenNamed(el: XmlElement, local: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.type === 'tag' && c.local === local);
}

/** The `val` attribute of a property child (e.g. <w:gridSpan w:val="2"/>). */
export function propVal(el: XmlElement | undefined, local: string): string | undefined {
  if (!el) return undefined;
  const p = child(el, local);
  return p ? (p.attribs.val ?? '') : undefined;
}

/** Every descendant element with the local name, in document order (not inside a match). */
export function descendants(el: XmlElement, local: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of el.children) {
    if (c.type !== 'tag') continue;
    if (c.local === local) out.push(c);
    else descendants(c, local, out);
  }
  return out;
}

/** Bytes of an XML part as text (UTF-8, or UTF-16 with a byte-order mark). */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}
