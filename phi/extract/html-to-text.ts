/**
 * HTML → plain text for scanning, in one linear pass with no DOM (the add-ins and Apps Script run
 * this too). Block elements become line breaks, script/style content is dropped, entities decoded.
 */

const BLOCK = new Set(['p', 'div', 'br', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'blockquote', 'pre', 'hr', 'section', 'article', 'header', 'footer', 'title', 'dt', 'dd']);
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', eacute: 'é', egrave: 'è', aacute: 'á', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', ccedil: 'ç', agrave: 'à', ecirc: 'ê', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', hellip: '…', copy: '©', reg: '®', deg: '°',
  // Separators and symbols of mail templates ("Henderson, NV &middot; Unsubscribe"), and the rest of Latin-1's letters.
  middot: '·', bull: '•', trade: '™', times: '×', divide: '÷', plusmn: '±', micro: 'µ', sup2: '²', frac12: '½', frac14: '¼', frac34: '¾',
  euro: '€', pound: '£', cent: '¢', yen: '¥', sect: '§', para: '¶', dagger: '†', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', sbquo: '‚', bdquo: '„',
  shy: '', zwnj: '', zwj: '', ensp: ' ', emsp: ' ', thinsp: ' ', iexcl: '¡', iquest: '¿', ordf: 'ª', ordm: 'º',
  acirc: 'â', atilde: 'ã', aring: 'å', aelig: 'æ', euml: 'ë', igrave: 'ì', icirc: 'î', iuml: 'ï', ograve: 'ò', ocirc: 'ô', otilde: 'õ', oslash: 'ø',
  ugrave: 'ù', ucirc: 'û', yacute: 'ý', yuml: 'ÿ', eth: 'ð', thorn: 'þ' };

export function htmlToText(html: string): string {
  const out: string[] = [];
  let i = 0;
  let skipping = '';
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (!skipping && textEnd > i) out.push(decodeEntities(html.slice(i, textEnd)));
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? n : close + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) { if (!skipping) out.push(html.slice(lt)); break; }
    const name = tagName(html, lt + 1, gt);
    const closing = html.charCodeAt(lt + 1) === 47;
    if (skipping) {
      if (closing && name === skipping) skipping = '';
    } else if (!closing && SKIP.has(name)) {
      skipping = name;
    } else if (name === 'input' && !closing) {
      // A filled-in form sent as HTML carries its answers in the fields' values (<input value="Harkness, Bobbi Jo">).
      const value = inputValue(html.slice(lt, gt));
      if (value) out.push(' ', decodeEntities(value), ' ');
    } else if (name === 'img' && !closing) {
      // A picture's alt text says what it shows (alt="L heel ulcer - R. Dimaculangan 2/12/25"): a line of its own.
      const alt = attributes(html.slice(lt, gt), 4).get('alt')?.trim();
      if (alt) out.push('\n', decodeEntities(alt), '\n');
    } else if (BLOCK.has(name)) {
      // Table rows become lines and cells tab-separated, so tables stay tables for the scanner.
      if (name === 'td' || name === 'th') { if (!closing) out.push('\t'); }
      else if (name === 'tr') { if (!closing) out.push('\n'); }
      else out.push('\n');
    }
    i = gt + 1;
  }
  // Trim line ends line by line: a regex like /[ \t]+\n/ is quadratic on long runs of spaces.
  return out.join('').split('\n').map((l) => l.trimEnd()).join('\n').replace(/\n{3,}/g, '\n\n');
}

/** Fields whose value is no answer a person typed: hidden state, buttons, passwords, ticks. */
const NO_TEXT_INPUTS = new Set(['hidden', 'password', 'submit', 'button', 'reset', 'image', 'checkbox', 'radio', 'file']);

/** The value an <input> tag shows, or '' . */
function inputValue(tag: string): string {
  const attrs = attributes(tag, 6); // after "<input"
  return NO_TEXT_INPUTS.has((attrs.get('type') ?? 'text').toLowerCase()) ? '' : (attrs.get('value') ?? '').trim();
}

/** A tag's attributes from `from` on (after its name), read in one pass: name (lower case) → value. */
function attributes(tag: string, from: number): Map<string, string> {
  const out = new Map<string, string>();
  let i = from;
  while (i < tag.length) {
    while (i < tag.length && !isNameChar(tag.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < tag.length && isNameChar(tag.charCodeAt(i))) i++;
    const name = tag.slice(nameStart, i).toLowerCase();
    while (i < tag.length && isSpace(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 61) continue; // no "=": a bare attribute
    i++;
    while (i < tag.length && isSpace(tag.charCodeAt(i))) i++;
    const quote = tag.charCodeAt(i);
    let v: string;
    if (quote === 34 || quote === 39) {
      const close = tag.indexOf(tag[i], i + 1);
      const end = close < 0 ? tag.length : close;
      v = tag.slice(i + 1, end);
      i = end + 1;
    } else {
      const start = i;
      while (i < tag.length && !isSpace(tag.charCodeAt(i)) && tag.charCodeAt(i) !== 62) i++;
      v = tag.slice(start, i);
    }
    out.set(name, v);
  }
  return out;
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 45;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

function tagName(html: string, from: number, to: number): string {
  let s = from;
  if (html.charCodeAt(s) === 47) s++;
  let e = s;
  while (e < to) {
    const c = html.charCodeAt(e) | 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57 && e > s)) e++;
    else break;
  }
  return html.slice(s, e).toLowerCase();
}

function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z][a-z0-9]{1,7});/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}
