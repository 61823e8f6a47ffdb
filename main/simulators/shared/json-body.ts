// Reading a request body without trusting it: size-capped, and a parse failure becomes a value the
// handler answers the way the real provider would, never an exception that kills the server.

import type { IncomingMessage } from 'node:http';

export type JsonBody = { kind: 'empty' } | { kind: 'ok'; value: unknown } | { kind: 'invalid'; error: string };

export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export class BodyTooLargeError extends Error {}

export async function readRawBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  return (await readRawBytes(req, limit)).toString('utf8');
}

/** The body as bytes: multipart uploads carry binary parts that a utf8 round trip would corrupt. */
export function readRawBytes(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError(`body over ${limit} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function parseJsonBody(raw: string): JsonBody {
  if (raw.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'ok', value: JSON.parse(raw) as unknown };
  } catch (e) {
    return { kind: 'invalid', error: e instanceof Error ? e.message : String(e) };
  }
}

/** The body as a plain object, or undefined when it is empty, not JSON, or a JSON array/scalar. */
export function bodyObject(body: JsonBody): Record<string, unknown> | undefined {
  if (body.kind !== 'ok') return undefined;
  const v = body.value;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
