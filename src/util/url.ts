/**
 * The only links the extension ever opens for a vendor's data: plain http(s) URLs. Shared by the
 * extension (which decides) and the webview (which only shows links that would pass).
 */
export function isWebUrl(text: unknown): text is string {
  // Whitespace and control characters have no place in a link, and `new URL` would quietly drop some.
  // eslint-disable-next-line no-control-regex
  if (typeof text !== 'string' || text.length > 2048 || /[\s\u0000-\u001f\u007f]/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
