// Every value we write into a header field or an SMTP command goes through here: CR, LF and
// other control characters are what header and command injection are made of.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]+/g;

export function oneLine(value: string, max = 900): string {
  return value.replace(CONTROL, ' ').slice(0, max);
}

/** The values of a parsed header line list ("Name: value"), unfolded. */
export function headerValue(line: string): string {
  const colon = line.indexOf(':');
  return (colon >= 0 ? line.slice(colon + 1) : line).replace(/\r?\n[ \t]/g, ' ').trim();
}
