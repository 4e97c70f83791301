// Which files may be attached to a catalog item: the formats government
// documents come in. A file must match on both its extension and its first
// bytes (magic number), so a renamed executable or HTML page is refused. The
// Content-Type served is the one fixed here, never what the uploader sent.

export interface AttachmentType {
  extension: string;
  label: string;
  contentType: string;
  matches: (head: Uint8Array) => boolean;
}

const startsWith = (bytes: number[]) => (head: Uint8Array) => bytes.every((b, i) => head[i] === b);
const PDF = startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
const OLE2 = startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]); // .doc, .xls
const ZIP = startsWith([0x50, 0x4b, 0x03, 0x04]); // .docx, .xlsx, .ofd (OOXML and OFD are zip packages)
const JPEG = startsWith([0xff, 0xd8, 0xff]);
const PNG = startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const attachmentTypes: readonly AttachmentType[] = [
  { extension: "pdf", label: "PDF", contentType: "application/pdf", matches: PDF },
  { extension: "doc", label: "Word", contentType: "application/msword", matches: OLE2 },
  {
    extension: "docx",
    label: "Word",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    matches: ZIP,
  },
  { extension: "xls", label: "Excel", contentType: "application/vnd.ms-excel", matches: OLE2 },
  {
    extension: "xlsx",
    label: "Excel",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    matches: ZIP,
  },
  { extension: "ofd", label: "OFD", contentType: "application/ofd", matches: ZIP },
  { extension: "jpg", label: "JPEG 图片", contentType: "image/jpeg", matches: JPEG },
  { extension: "jpeg", label: "JPEG 图片", contentType: "image/jpeg", matches: JPEG },
  { extension: "png", label: "PNG 图片", contentType: "image/png", matches: PNG },
];

export const allowedExtensionsText = "PDF、Word（doc/docx）、Excel（xls/xlsx）、OFD、JPG、PNG";

export function attachmentTypeOf(extension: string): AttachmentType | undefined {
  return attachmentTypes.find((t) => t.extension === extension);
}

export type AttachmentCheck = { ok: true; type: AttachmentType } | { ok: false; message: string };

/** Checks a file's name, size and first bytes against the allow-list. */
export function checkAttachment(fileName: string, size: number, head: Uint8Array, maxBytes: number): AttachmentCheck {
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const type = attachmentTypeOf(extension);
  if (!type) return { ok: false, message: `不支持该文件类型，只能上传${allowedExtensionsText}文件` };
  if (size === 0) return { ok: false, message: "文件是空的" };
  if (size > maxBytes) return { ok: false, message: `文件过大（${formatBytes(size)}），单个附件最大${formatBytes(maxBytes)}` };
  if (!type.matches(head)) return { ok: false, message: `文件内容与扩展名 .${extension} 不符，请上传真实的${type.label}文件` };
  return { ok: true, type };
}

export function formatBytes(size: number): string {
  if (size >= 1024 * 1024) return `${(size / 1024 / 1024).toFixed(1)} MB`;
  if (size >= 1024) return `${Math.ceil(size / 1024)} KB`;
  return `${size} 字节`;
}

/**
 * Content-Disposition for a download: always an attachment, with the Chinese
 * name in RFC 5987 filename* and an ASCII fallback for old clients. Quotes,
 * backslashes, control characters and path separators never reach the header.
 */
export function attachmentDisposition(fileName: string): string {
  const clean = fileName.replace(/[\u0000-\u001f\u007f"\\/]/g, "_").slice(0, 200) || "attachment";
  const ascii = clean.replace(/[^\x20-\x7e]/g, "_");
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
