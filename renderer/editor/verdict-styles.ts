/**
 * Highlight colours come from the project's verdict scale, which users may edit, so the rules
 * are generated — into a constructable stylesheet, which the CSP allows (no inline <style>).
 */
import type { Verdict } from '../../shared/domain';

const sheet = typeof CSSStyleSheet === 'function' ? new CSSStyleSheet() : null;
let adopted = false;

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** CSS rules for one verdict's highlights and legend swatch. */
export function verdictRules(v: Verdict): string {
  const [r, g, b] = hexToRgb(v.color);
  return [
    `.cd-verdict-${v.id} { background-color: rgba(${r}, ${g}, ${b}, 0.16); border-bottom-color: ${v.color}; }`,
    `.cd-swatch-${v.id} { background-color: rgba(${r}, ${g}, ${b}, 0.16); border-color: ${v.color}; }`,
  ].join('\n');
}

/** Installs (or replaces) the verdict colour rules for the document. */
export function applyVerdictStyles(verdicts: readonly Verdict[]): void {
  if (!sheet) return;
  sheet.replaceSync(verdicts.map(verdictRules).join('\n'));
  if (!adopted) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    adopted = true;
  }
}
