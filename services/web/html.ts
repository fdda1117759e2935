/**
 * HTML by tagged template: every interpolated value is escaped unless it is already Html (a
 * fragment built the same way, or `raw()` for markup that is safe by construction, like the
 * sanitized descriptionHtml the events service renders). Arrays are joined; null, undefined and
 * false render nothing, so `${cond && html`…`}` reads naturally.
 */
export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join("");
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Markup trusted as is: only for HTML sanitized upstream or built here. */
export const raw = (s: string): Html => new Html(s);
