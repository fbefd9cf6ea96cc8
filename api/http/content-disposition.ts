// The Content-Disposition of a download whose name is not ASCII (a round's Chinese name): RFC 6266
// with the name in `filename*` (RFC 8187, UTF-8, percent-encoded), which browsers prefer, and an
// ASCII `filename` for the few clients that read only that one.

/** RFC 8187's attr-char set: encodeURIComponent leaves a few more characters bare than it allows. */
const encodeExtValue = (value: string) =>
  encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment; filename="<ascii>"; filename*=UTF-8''<name>`; the ASCII name loses anything but printable ASCII and quotes. */
export function attachmentDisposition(filename: string, asciiFilename: string): string {
  const ascii = asciiFilename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(filename)}`;
}

/** A name usable as a file name on every system: no path separators, reserved or control characters. */
export const safeFileName = (name: string): string =>
  name
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .trim()
    .slice(0, 100);
