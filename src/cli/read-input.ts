/**
 * Input files of the report commands: a path, or '-' for standard input. Failures are AppErrors
 * (FILE_NOT_FOUND, FILE_UNREADABLE, FILE_TOO_LARGE: exit code 2).
 */
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../core/errors.js';
import { assertUploadSize } from '../services/check.service.js';

export const STDIN = '-';

async function readStdin(stdin: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    size += buf.length;
    assertUploadSize(size, maxBytes);
    chunks.push(buf);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** The bytes of `file` ('-' = standard input), at most `maxBytes`. */
export async function readInputFile(file: string, maxBytes: number, stdin: NodeJS.ReadableStream = process.stdin): Promise<Uint8Array> {
  if (file === STDIN) return readStdin(stdin, maxBytes);
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new AppError('FILE_UNREADABLE', { reason: `“${file}”是目录，不是文件` });
    assertUploadSize(info.size, maxBytes);
    return new Uint8Array(await readFile(file));
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('FILE_NOT_FOUND', { file });
    if (code === 'EACCES' || code === 'EPERM') throw new AppError('FILE_UNREADABLE', { reason: `没有读取“${file}”的权限` });
    throw new AppError('FILE_UNREADABLE', { reason: `“${file}”：${(err as Error).message}` }, { cause: err });
  }
}
