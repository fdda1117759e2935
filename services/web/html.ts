/**
 * HTML by tagged template: every interpolated value is escaped unless it is already Html (a
 * fragment built the same way, or `raw()` for markup that is safe by construction, like the
 * sanitized descriptionHtml the events service renders). Arrays are joined; null, undefined and
 * false render nothing, so `${cond && markup`…`}` reads naturally.
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

/**
 * The tag is `markup`, not `html`: deno fmt rewrites the whitespace inside templates tagged `html`
 * (it breaks lines between elements and inserts spaces before interpolated attributes — denoland/deno#30677,
 * not configurable), which changes the pages it emits, e.g. a textarea's content. Under this name the
 * formatter leaves templates as written.
 */
export function markup(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Markup trusted as is: only for HTML sanitized upstream or built here. */
export const raw = (s: string): Html => new Html(s);
