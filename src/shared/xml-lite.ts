import { AppError, type ErrorCode, type ErrorParams } from './app-error';

/**
 * A small XML parser for diagram files (BPMN 2.0 as bpmn-js, Camunda or Signavio export it), shared by
 * the process maps (validation, step extraction) and the documents layer (drawing). It builds an
 * element tree synchronously — reports render inside request handlers and the CLI without a DOM — and
 * reports malformed input with its line and column. DOCTYPE is refused, so no entity expansion.
 * Namespaces are not resolved here: callers map prefixes themselves (see `prefixOf`).
 */

/** One XML element. */
export interface XmlElement {
  /** Qualified name as written, e.g. `bpmndi:BPMNShape`. */
  name: string;
  /** Name without prefix, e.g. `BPMNShape`. */
  local: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element (entities decoded). */
  text: string;
  /** Line of the start tag, for messages. */
  line: number;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Line and column (1-based) of an offset, for messages. */
function position(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++)
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  return { line, column: offset - lineStart + 1 };
}

/** Reports a problem by its code (a DOCUMENTS_XML_ code) and the parts it names. */
type Fail = (code: ErrorCode, params?: ErrorParams) => never;

function decodeEntities(text: string, fail: Fail): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) fail('DOCUMENTS_XML_ENTITY_INCOMPLETE', { entity: body });
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const named = NAMED_ENTITIES[body];
    if (named === undefined) fail('DOCUMENTS_XML_ENTITY_UNKNOWN', { entity: body });
    return named;
  });
}

/** Name without its prefix: `bpmn:task` → `task`. */
export const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** The prefix of a qualified name, '' when there is none: `bpmn:task` → `bpmn`. */
export function prefixOf(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? '' : name.slice(0, colon);
}

/**
 * Parses an XML document into its root element. Throws a DOCUMENTS_XML_ AppError naming `field` with
 * the line and column of the first problem (unclosed or mismatched tags, broken attributes, no root).
 */
export function parseXml(source: string, field = 'xml'): XmlElement {
  const text = source.replace(/^\uFEFF/, '');
  let offset = 0;
  const failAt =
    (at: number): Fail =>
    (code, params = {}) => {
      throw new AppError(code, { ...params, field, ...position(text, at) }, [{ field }]);
    };
  const fail = (code: ErrorCode, params: ErrorParams = {}, at = offset): never => failAt(at)(code, params);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const nameRe = /[A-Za-z_][\w.:-]*/y;
  // Elements are created in document order, so the line count only ever moves forward.
  let lineOffset = 0;
  let lineNumber = 1;
  const lineAt = (at: number): number => {
    for (; lineOffset < at; lineOffset++) if (text.charCodeAt(lineOffset) === 10) lineNumber++;
    return lineNumber;
  };
  while (offset < text.length) {
    const lt = text.indexOf('<', offset);
    if (lt === -1) {
      if (stack.length) stack[stack.length - 1]!.text += decodeEntities(text.slice(offset), failAt(offset));
      else if (text.slice(offset).trim() !== '') fail('DOCUMENTS_XML_TEXT_OUTSIDE_ROOT');
      break;
    }
    if (lt > offset) {
      const chunk = text.slice(offset, lt);
      if (stack.length) stack[stack.length - 1]!.text += decodeEntities(chunk, failAt(offset));
      else if (chunk.trim() !== '') fail('DOCUMENTS_XML_TEXT_OUTSIDE_ROOT');
    }
    offset = lt;
    if (text.startsWith('<!--', offset)) {
      const end = text.indexOf('-->', offset + 4);
      if (end === -1) fail('DOCUMENTS_XML_UNCLOSED_MARKUP', { start: '<!--', end: '-->' });
      offset = end + 3;
    } else if (text.startsWith('<![CDATA[', offset)) {
      const end = text.indexOf(']]>', offset + 9);
      if (end === -1) fail('DOCUMENTS_XML_UNCLOSED_MARKUP', { start: '<![CDATA[', end: ']]>' });
      if (stack.length) stack[stack.length - 1]!.text += text.slice(offset + 9, end);
      offset = end + 3;
    } else if (text.startsWith('<?', offset)) {
      const end = text.indexOf('?>', offset + 2);
      if (end === -1) fail('DOCUMENTS_XML_UNCLOSED_MARKUP', { start: '<?', end: '?>' });
      offset = end + 2;
    } else if (text.startsWith('<!', offset)) {
      fail('DOCUMENTS_XML_DECLARATION_FORBIDDEN');
    } else if (text[offset + 1] === '/') {
      nameRe.lastIndex = offset + 2;
      const m = nameRe.exec(text);
      if (!m) fail('DOCUMENTS_XML_BROKEN_CLOSING_TAG', { tag: '</' });
      const name = m![0];
      const close = text.indexOf('>', nameRe.lastIndex);
      if (close === -1 || text.slice(nameRe.lastIndex, close).trim() !== '')
        fail('DOCUMENTS_XML_BROKEN_CLOSING_TAG', { tag: `</${name}>` });
      const open = stack.pop();
      if (!open) fail('DOCUMENTS_XML_CLOSING_WITHOUT_OPENING', { tag: `</${name}>` });
      if (open!.name !== name) fail('DOCUMENTS_XML_TAG_MISMATCH', { tag: `</${name}>`, open: `<${open!.name}>` });
      offset = close + 1;
    } else {
      nameRe.lastIndex = offset + 1;
      const m = nameRe.exec(text);
      if (!m) fail('DOCUMENTS_XML_STRAY_LT', { escape: '&lt;' });
      const name = m![0];
      let i = nameRe.lastIndex;
      const attrs: Record<string, string> = {};
      let selfClosing = false;
      for (;;) {
        while (i < text.length && /\s/.test(text[i]!)) i++;
        if (i >= text.length) fail('DOCUMENTS_XML_UNCLOSED_TAG', { tag: `<${name}>` });
        if (text[i] === '>') {
          i++;
          break;
        }
        if (text.startsWith('/>', i)) {
          selfClosing = true;
          i += 2;
          break;
        }
        nameRe.lastIndex = i;
        const attr = nameRe.exec(text);
        if (!attr) fail('DOCUMENTS_XML_UNEXPECTED_CHARACTER', { character: text[i] ?? '', tag: `<${name}>` }, i);
        i = nameRe.lastIndex;
        while (/\s/.test(text[i] ?? '')) i++;
        if (text[i] !== '=') fail('DOCUMENTS_XML_ATTRIBUTE_NO_VALUE', { attribute: attr![0], tag: `<${name}>` }, i);
        i++;
        while (/\s/.test(text[i] ?? '')) i++;
        const quote = text[i];
        if (quote !== '"' && quote !== "'") fail('DOCUMENTS_XML_ATTRIBUTE_NOT_QUOTED', { attribute: attr![0], tag: `<${name}>` }, i);
        const end = text.indexOf(quote!, i + 1);
        if (end === -1) fail('DOCUMENTS_XML_ATTRIBUTE_UNCLOSED', { attribute: attr![0] }, i);
        const raw = text.slice(i + 1, end);
        if (raw.includes('<')) fail('DOCUMENTS_XML_ATTRIBUTE_LT', { attribute: attr![0], escape: '&lt;' }, i);
        attrs[attr![0]] = decodeEntities(raw, failAt(i)).replace(/[\t\n\r]/g, ' ');
        i = end + 1;
      }
      const element: XmlElement = { name, local: localName(name), attrs, children: [], text: '', line: lineAt(offset) };
      if (stack.length) stack[stack.length - 1]!.children.push(element);
      else if (root) fail('DOCUMENTS_XML_SECOND_ROOT', { tag: `<${name}>` });
      else root = element;
      if (!selfClosing) stack.push(element);
      offset = i;
    }
  }
  if (stack.length) fail('DOCUMENTS_XML_UNCLOSED_TAG', { tag: `<${stack[stack.length - 1]!.name}>` }, text.length);
  if (!root) fail('DOCUMENTS_XML_NO_ELEMENT', {}, 0);
  return root!;
}

/** All descendants (depth first, document order) with the given local name. */
export function findAll(element: XmlElement, local: string, out: XmlElement[] = []): XmlElement[] {
  for (const child of element.children) {
    if (child.local === local) out.push(child);
    findAll(child, local, out);
  }
  return out;
}

/** The first direct child with the given local name. */
export function childOf(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((c) => c.local === local);
}

/** Every descendant element, depth first in document order. */
export function* descendants(element: XmlElement): Generator<XmlElement> {
  for (const child of element.children) {
    yield child;
    yield* descendants(child);
  }
}
