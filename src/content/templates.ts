/** Replaces `{name}` with values; an unknown placeholder is left visible rather than dropped. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
