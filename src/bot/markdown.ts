/**
 * Text a partner typed, made safe to show inside markdown (message text, Adaptive Card text
 * blocks and facts): every character that could start markup — HTML tags, links, images,
 * emphasis, code, tables, headings — is escaped with a backslash, as CommonMark allows for
 * any ASCII punctuation, and line breaks become spaces, so a value reads as the words typed
 * and can neither style the reply nor make the client fetch anything.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_~[\]<>|#&!]/g, '\\$&');
}
