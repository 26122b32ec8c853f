/**
 * How recognized LaTeX is wrapped to fit the file it goes into. No `vscode` import: the rules are
 * tested with node's test runner.
 *
 * Rules:
 * - LaTeX files (`latex`, `tex` language ids): bare when the cursor is already in math
 *   (`$...$`, `$$...$$`, `\(...\)`, `\[...\]`, or an `equation`, `align`, `gather`, `multline`,
 *   `flalign`, `alignat`, `eqnarray`, `math`, `displaymath` environment, starred or not),
 *   otherwise inline `$...$`.
 * - Markdown: bare inside `$...$`, `$$...$$` or a fenced ```` ```math ```` block, otherwise inline
 *   `$...$`.
 * - Any other language: bare.
 *
 * Example: `wrapLatex('x^2', 'markdown', 'Let ')` gives `$x^2$`;
 * `wrapLatex('x^2', 'latex', '\\begin{align}\n')` gives `x^2`.
 */

/** Environments whose body is math (the starred forms count too). */
export const MATH_ENVIRONMENTS: ReadonlySet<string> = new Set([
  'equation', 'align', 'gather', 'multline', 'flalign', 'alignat', 'eqnarray', 'math', 'displaymath',
]);

/** The delimiters that open math mode, each closed by its own partner. */
type MathOpener = '$' | '$$' | '\\(' | '\\[' | `env:${string}`;

/**
 * Whether the end of `textBefore` (a LaTeX source up to the cursor) lies in math mode. Comments
 * (`%` to the end of the line, unless escaped) and escaped dollars (`\$`) are skipped. Text
 * commands inside math (`\text{...}`) are not tracked: the cursor counts as in math there.
 */
export function inLatexMath(textBefore: string): boolean {
  return scanLatex(textBefore) !== undefined;
}

function scanLatex(text: string): MathOpener | undefined {
  // A stack rather than one flag: an `align` inside `$$` (wrong but seen) must not end math early.
  const open: MathOpener[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '%') {
      const eol = text.indexOf('\n', i);
      i = eol < 0 ? text.length : eol + 1;
      continue;
    }
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '(' || next === '[') {
        open.push(next === '(' ? '\\(' : '\\[');
        i += 2;
        continue;
      }
      if (next === ')' || next === ']') {
        closeLast(open, next === ')' ? '\\(' : '\\[');
        i += 2;
        continue;
      }
      const env = /^\\(begin|end)\s*\{([A-Za-z]+)\*?\}/.exec(text.slice(i, i + 40));
      if (env && MATH_ENVIRONMENTS.has(env[2])) {
        const opener: MathOpener = `env:${env[2]}`;
        if (env[1] === 'begin') open.push(opener); else closeLast(open, opener);
        i += env[0].length;
        continue;
      }
      i += 2; // any other command or escaped character, \$ and \% included
      continue;
    }
    if (c === '$') {
      const dollars: MathOpener = text[i + 1] === '$' ? '$$' : '$';
      if (open[open.length - 1] === dollars) open.pop(); else open.push(dollars);
      i += dollars.length;
      continue;
    }
    i++;
  }
  return open[open.length - 1];
}

function closeLast(open: MathOpener[], opener: MathOpener): void {
  const at = open.lastIndexOf(opener);
  if (at >= 0) open.length = at;
}

/**
 * Whether the end of `textBefore` (a Markdown source up to the cursor) lies in math: between
 * dollars or in a fenced math block. Code spans and other fenced code are not math, and dollars
 * in them do not count.
 */
export function inMarkdownMath(textBefore: string): boolean {
  let fence: string | undefined; // the fence line's info string while inside a fenced block
  let dollars: '$' | '$$' | undefined;
  const lines = textBefore.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const fenceMatch = /^\s{0,3}(```|~~~)\s*([A-Za-z]*)/.exec(line);
    if (fenceMatch && dollars === undefined) {
      if (fence === undefined) {
        fence = fenceMatch[2].toLowerCase();
        if (n === lines.length - 1) return false; // on the opening fence line itself
      } else {
        fence = undefined;
      }
      continue;
    }
    if (fence !== undefined) {
      if (n === lines.length - 1) return fence === 'math';
      continue;
    }
    let i = 0;
    while (i < line.length) {
      const c = line[i];
      if (c === '\\') { i += 2; continue; }
      if (c === '`' && dollars === undefined) {
        const close = line.indexOf('`', i + 1);
        if (close < 0) {
          // An unclosed code span up to the cursor: the cursor is in code, not math.
          if (n === lines.length - 1) return false;
          break;
        }
        i = close + 1;
        continue;
      }
      if (c === '$') {
        const d: '$' | '$$' = line[i + 1] === '$' ? '$$' : '$';
        if (dollars === d) dollars = undefined; else if (dollars === undefined) dollars = d;
        i += d.length;
        continue;
      }
      i++;
    }
    // Inline math does not run over a blank line (a new paragraph).
    if (dollars === '$' && line.trim() === '' ) dollars = undefined;
  }
  return dollars !== undefined;
}

/** The language ids whose files are LaTeX sources. */
const LATEX_LANGUAGES: ReadonlySet<string> = new Set(['latex', 'tex', 'latex-expl3']);

/** The text to insert for `latex` at a cursor preceded by `textBefore` in a file of `languageId`. */
export function wrapLatex(latex: string, languageId: string, textBefore: string): string {
  const body = latex.trim();
  if (body === '') return '';
  if (LATEX_LANGUAGES.has(languageId)) {
    return inLatexMath(textBefore) ? body : `$${body}$`;
  }
  if (languageId === 'markdown') {
    return inMarkdownMath(textBefore) ? body : `$${body}$`;
  }
  return body;
}
