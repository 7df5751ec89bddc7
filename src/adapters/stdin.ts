// Standard input as a plan file (`crisis validate -`), read with the same size limit as a file:
// reading stops once past the limit, so a pipe that never ends cannot exhaust memory.
import type { Readable } from 'node:stream';

/** The bytes of `input`; past `maxBytes` only as many as were read by then (more than maxBytes). */
export async function readStream(input: Readable, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    size += buffer.length;
    if (size > maxBytes) {
      input.destroy();
      break;
    }
  }
  return Buffer.concat(chunks);
}
