/**
 * `tandem draft <ticket.json|->`: sends a ticket context to the running server and prints every
 * `DraftEvent` of its draft as one JSON line, for scripting, support and debugging. The server's
 * own configuration decides the drafter (LLM or embedded). Exit code 0 when the draft finished,
 * 1 when it ended with an error event, 2 for a ticket that does not validate.
 */
import { readFile } from 'node:fs/promises';
import { ticketContextSchema, type DraftEvent } from '@tandem/shared';
import { z } from 'zod';
import type { ServerClient } from './serverClient.js';

async function readTicket(source: string, stdin: NodeJS.ReadableStream): Promise<string> {
  if (source !== '-') return readFile(source, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

export async function draftCommand(
  api: ServerClient,
  source: string,
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process,
): Promise<number> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readTicket(source, io.stdin));
  } catch (error) {
    io.stderr.write(`Could not read a JSON ticket from ${source === '-' ? 'standard input' : source}: ${(error as Error).message}\n`);
    return 2;
  }
  const ticket = ticketContextSchema.safeParse(raw);
  if (!ticket.success) {
    io.stderr.write(`The ticket does not fit TicketContext:\n${z.prettifyError(ticket.error)}\n`);
    return 2;
  }
  const { draftId } = await api.assist.start.mutate({ ticket: ticket.data });
  return new Promise<number>((resolve, reject) => {
    const sub = api.assist.draft.subscribe(
      { draftId },
      {
        onData: ({ data }: { data: DraftEvent }) => {
          io.stdout.write(`${JSON.stringify(data)}\n`);
          if (data.type === 'done' || data.type === 'error') {
            sub.unsubscribe();
            resolve(data.type === 'done' ? 0 : 1);
          }
        },
        onError: reject,
      },
    );
  });
}
