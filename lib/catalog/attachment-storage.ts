// Attachment bytes on disk, one file per attachment named by its random id
// (a UUID the server generated): no name a user chose ever becomes a path.
import "server-only";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { attachmentEnv } from "@/lib/env";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function fileOf(id: string): string {
  if (!UUID.test(id)) throw new Error(`not an attachment id: ${id}`);
  return path.join(path.resolve(attachmentEnv().ATTACHMENTS_DIR), id);
}

/** Writes through a temporary name, so a half-written file is never served. */
export async function storeAttachmentBytes(id: string, bytes: Uint8Array): Promise<void> {
  const target = fileOf(id);
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.partial`;
  await writeFile(temporary, bytes, { mode: 0o640 });
  await rename(temporary, target);
}

export async function removeAttachmentBytes(id: string): Promise<void> {
  await rm(fileOf(id), { force: true });
}

/** The stored bytes as a web stream, or null when the file is missing. */
export async function openAttachmentBytes(id: string): Promise<{ stream: ReadableStream; size: number } | null> {
  const file = fileOf(id);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  return { stream: Readable.toWeb(createReadStream(file)) as ReadableStream, size: info.size };
}
