// Where attachment bytes live: `<dataDir>/attachments/<first two hex digits>/<attachment id>`. The
// name is the row's id, never the uploaded name, so no upload can reach outside the folder; a
// stored path read back is checked to stay inside it all the same.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

const FOLDER = 'attachments';

/** The path stored in the row, relative to the data folder. */
export function storagePathOf(attachmentId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(attachmentId)) throw new Error(`not an attachment id: ${attachmentId}`);
  return `${FOLDER}/${attachmentId.slice(0, 2)}/${attachmentId}`;
}

function absolutePath(dataDir: string, storagePath: string): string {
  const root = resolve(dataDir, FOLDER);
  const path = resolve(dataDir, storagePath);
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
    throw new Error(`attachment path outside ${root}: ${storagePath}`);
  return path;
}

/** Writes the bytes whole or not at all (a temporary name, then a rename). */
export async function storeFile(dataDir: string, storagePath: string, bytes: Buffer): Promise<void> {
  const path = absolutePath(dataDir, storagePath);
  await mkdir(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  await writeFile(partial, bytes, { mode: 0o600 });
  await rename(partial, path);
}

export function readStoredFile(dataDir: string, storagePath: string): Promise<Buffer> {
  return readFile(absolutePath(dataDir, storagePath));
}

export async function removeStoredFile(dataDir: string, storagePath: string): Promise<void> {
  await rm(absolutePath(dataDir, storagePath), { force: true });
}
