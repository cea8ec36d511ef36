/** Text put into a tooltip's HTML: unit and indicator names come from the catalogue, not from us. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
