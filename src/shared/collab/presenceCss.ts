/** Writing teammates' presence (hostile input) into generated CSS, for the canvas and the email editor. */

/**
 * `text` as a quoted CSS string: every character outside a small safe set becomes a hex
 * escape, so a hostile node id or name (`"]{}`, `</style>`, newlines) cannot end the
 * string, the selector or the style element. Works without the DOM (unlike `CSS.escape`),
 * and inside an attribute selector's quotes it selects exactly `text`.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text) {
    out += /^[A-Za-z0-9 _.,:;!?@#%&()+=~-]$/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}

/** A colour we put into CSS: a `#rrggbb` value as presence validates it, else a neutral grey. */
export function cssColour(colour: string): string {
  return /^#[0-9a-fA-F]{6}$/.test(colour) ? colour : '#868e96';
}
