/**
 * The peer figure of the benchmarks that draft through the instant fake LLM: the fake's own time to
 * its first content chunk over plain HTTP, so a row can show what is the provider's share and what
 * is Tandem's.
 */

/** Times (ms) from request to the first non-empty streamed content chunk, `runs` times in a row. */
export async function fakeLlmFirstChunkTimes(baseUrl: string, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' },
      body: JSON.stringify({ model: 'instant', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let seen = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      seen += decoder.decode(value, { stream: true });
      // The role chunk carries an empty content; the first token is the first one with text.
      if (/"content":"[^"]/.test(seen)) {
        times.push(performance.now() - started);
        await reader.cancel();
        break;
      }
    }
  }
  return times;
}
