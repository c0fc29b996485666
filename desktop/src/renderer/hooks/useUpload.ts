/**
 * Uploads files to the server's ingestion endpoint (`knowledge.ingestFiles`, the same tRPC
 * procedure the CLI uses) with XMLHttpRequest, so the bytes sent can be shown as they go; fetch
 * has no upload progress. Files over the server's limit are refused before anything is sent.
 */
import { useCallback, useRef, useState } from 'react';
import { ingestJobStartedSchema, type IngestJobStarted } from '@tandem/shared';
import { z } from 'zod';
import { useConsoleSession } from '../shell/consoleSession';

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'reading'; files: number }
  | { phase: 'uploading'; files: number; loaded: number; total: number }
  | { phase: 'sent'; files: number; started: IngestJobStarted }
  | { phase: 'failed'; message: string };

const trpcAnswer = z.union([
  z.object({ result: z.object({ data: ingestJobStartedSchema }) }),
  z.object({ error: z.object({ message: z.string() }) }),
]);

export function useUpload(): { state: UploadState; upload(files: readonly File[], sourceName: string): void; cancel(): void } {
  const { serverUrl, token, info } = useConsoleSession();
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const current = useRef<XMLHttpRequest | null>(null);

  const upload = useCallback(
    (files: readonly File[], sourceName: string) => {
      const tooLarge = files.find((f) => f.size > info.limits.maxUploadBytes);
      if (files.length === 0) return;
      if (tooLarge !== undefined) {
        setState({
          phase: 'failed',
          message: `${tooLarge.name} is larger than the server accepts (${formatBytes(info.limits.maxUploadBytes)})`,
        });
        return;
      }
      setState({ phase: 'reading', files: files.length });
      void Promise.all(files.map(async (f) => ({ name: f.name, contentBase64: await base64Of(f) })))
        .then((encoded) => {
          const body = JSON.stringify({ sourceName, files: encoded });
          const xhr = new XMLHttpRequest();
          current.current = xhr;
          xhr.open('POST', `${serverUrl}/trpc/knowledge.ingestFiles`);
          xhr.setRequestHeader('Content-Type', 'application/json');
          xhr.setRequestHeader('Authorization', `Bearer ${token}`);
          xhr.upload.onprogress = (event) =>
            setState({
              phase: 'uploading',
              files: files.length,
              loaded: event.loaded,
              total: event.lengthComputable ? event.total : body.length,
            });
          xhr.onerror = () => setState({ phase: 'failed', message: 'The upload did not reach the server' });
          xhr.onabort = () => setState({ phase: 'idle' });
          xhr.onload = () => {
            current.current = null;
            if (xhr.status === 413) {
              setState({ phase: 'failed', message: 'The upload is larger than the server accepts' });
              return;
            }
            const parsed = trpcAnswer.safeParse(safeJson(xhr.responseText));
            if (!parsed.success) setState({ phase: 'failed', message: `The server answered ${xhr.status} without a job` });
            else if ('error' in parsed.data) setState({ phase: 'failed', message: parsed.data.error.message });
            else setState({ phase: 'sent', files: files.length, started: parsed.data.result.data });
          };
          setState({ phase: 'uploading', files: files.length, loaded: 0, total: body.length });
          xhr.send(body);
        })
        .catch((err: unknown) =>
          setState({ phase: 'failed', message: err instanceof Error ? err.message : 'The files could not be read' }),
        );
    },
    [serverUrl, token, info.limits.maxUploadBytes],
  );

  const cancel = useCallback(() => current.current?.abort(), []);
  return { state, upload, cancel };
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with a whole large file as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
