// Which files may be uploaded, and whether a file's first bytes are what its declared type says.
// Text types have no signature: they must decode as UTF-8 without NUL bytes. Pure.

interface Kind {
  label: string;
  matches: (head: Uint8Array) => boolean;
}

const startsWith =
  (...signature: number[]) =>
  (head: Uint8Array) =>
    signature.every((byte, i) => head[i] === byte);
const ascii =
  (text: string, offset = 0) =>
  (head: Uint8Array) =>
    [...text].every((ch, i) => head[offset + i] === ch.charCodeAt(0));

const zip = startsWith(0x50, 0x4b, 0x03, 0x04);
const ole = startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);

function isText(head: Uint8Array): boolean {
  if (head.includes(0)) return false;
  try {
    // `stream` tolerates a multi-byte character cut off at the end of the sample.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export const Kinds: Record<string, Kind> = {
  "image/png": { label: "PNG image", matches: startsWith(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  "image/jpeg": { label: "JPEG image", matches: startsWith(0xff, 0xd8, 0xff) },
  "image/gif": { label: "GIF image", matches: (h) => ascii("GIF87a")(h) || ascii("GIF89a")(h) },
  "image/webp": { label: "WebP image", matches: (h) => ascii("RIFF")(h) && ascii("WEBP", 8)(h) },
  "application/pdf": { label: "PDF document", matches: ascii("%PDF-") },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    label: "Word document",
    matches: zip,
  },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    label: "Excel workbook",
    matches: zip,
  },
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": {
    label: "PowerPoint presentation",
    matches: zip,
  },
  "application/vnd.oasis.opendocument.text": { label: "OpenDocument text", matches: zip },
  "application/vnd.oasis.opendocument.spreadsheet": { label: "OpenDocument spreadsheet", matches: zip },
  "application/msword": { label: "Word 97-2003 document", matches: ole },
  "application/vnd.ms-excel": { label: "Excel 97-2003 workbook", matches: ole },
  "application/vnd.ms-powerpoint": { label: "PowerPoint 97-2003 presentation", matches: ole },
  "text/plain": { label: "text file", matches: isText },
  "text/csv": { label: "CSV file", matches: isText },
  "text/markdown": { label: "Markdown file", matches: isText },
};

export const allowedTypes = Object.keys(Kinds);

/** How many leading bytes the content check reads. */
export const SAMPLE_BYTES = 512;

export const kindOf = (contentType: string): Kind | undefined =>
  Object.hasOwn(Kinds, contentType) ? Kinds[contentType] : undefined;

/** True for a plain file name: no folders, no control characters, not only dots. */
export const isPlainName = (name: string) =>
  !/[/\\]/.test(name) && !/\p{Cc}/u.test(name) && !/^\.+$/.test(name);

/** A file a page can show as a picture (a thumbnail, a site log's photo, a project card's). */
export const isImage = (file: { contentType: string }) => file.contentType.startsWith("image/");
