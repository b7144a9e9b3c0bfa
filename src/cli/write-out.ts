/** curl's -w/--write-out: `%{variable}` replaced after the transfer, `\n`-style escapes, `%%`. */

/** What a finished (or failed) transfer tells -w. */
export interface WriteOutFacts {
  /** Last response status; 0 when none arrived. */
  readonly status: number;
  readonly httpVersion: string;
  /** Body bytes written (after decoding). */
  readonly sizeDownload: number;
  readonly urlEffective: string;
  readonly seconds: number;
  readonly contentType: string | undefined;
  readonly redirects: number;
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', '\\': '\\' };

function variable(name: string, f: WriteOutFacts): string | undefined {
  switch (name) {
    case 'http_code':
    case 'response_code':
      return String(f.status).padStart(3, '0');
    case 'size_download':
      return String(f.sizeDownload);
    case 'url_effective':
      return f.urlEffective;
    case 'time_total':
      return f.seconds.toFixed(6);
    case 'content_type':
      return f.contentType ?? '';
    case 'num_redirects':
      return String(f.redirects);
    case 'http_version':
      return f.status === 0 ? '0' : f.httpVersion.replace(/^HTTP\//, '');
    default:
      return undefined;
  }
}

/** The expanded text, and curl's warning for each variable it does not know. */
export function writeOut(format: string, facts: WriteOutFacts): { text: string; warnings: string[] } {
  const warnings: string[] = [];
  const text = format.replace(/%\{([^}]*)\}|%%|\\([nrt\\])/g, (match, name: string | undefined, esc: string | undefined) => {
    if (esc !== undefined) return ESCAPES[esc] ?? match;
    if (name === undefined) return '%';
    const value = variable(name, facts);
    if (value === undefined) warnings.push(`unknown --write-out variable: '${name}'`);
    return value ?? '';
  });
  return { text, warnings };
}
