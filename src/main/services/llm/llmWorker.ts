import { LlamaEngine } from './llamaEngine';
import { toWorkerSchema, type FromWorker, type ToWorker } from './workerMessages';

/**
 * The model process: started by `LlmProcess` with `child_process.fork` (IPC with the
 * "advanced" serialisation, so vectors travel as Float32Array). llama.cpp may abort()
 * on a malformed model; here that ends only this process, and the host turns the exit
 * into an error state. Every message is parsed; failures are answered, never thrown.
 */

/** How long streamed text is gathered before it is sent: one IPC message per frame, not per token. */
const TEXT_FLUSH_MS = 16;

const engine = new LlamaEngine();
const send = (message: FromWorker) => process.send?.(message);
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 4_000);

// Load, unload and dispose run one after another, so a late unload never frees a model
// that a newer load is still opening.
let lifecycle: Promise<void> = Promise.resolve();
const serial = (task: () => Promise<void>) => (lifecycle = lifecycle.then(task, task));

async function generate(msg: Extract<ToWorker, { type: 'generate' }>): Promise<void> {
  let pending = '';
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    timer = null;
    if (pending) send({ type: 'text', jobId: msg.jobId, text: pending });
    pending = '';
  };
  try {
    const result = await engine.generate(msg, (text) => {
      pending += text;
      timer ??= setTimeout(flush, TEXT_FLUSH_MS);
    });
    if (timer) clearTimeout(timer);
    flush(); // every chunk arrives before "done", so the chunks add up to the text
    send({ type: 'done', jobId: msg.jobId, ...result });
  } catch (error) {
    if (timer) clearTimeout(timer);
    send({ type: 'jobError', jobId: msg.jobId, message: describe(error) });
  }
}

async function embed(msg: Extract<ToWorker, { type: 'embed' }>): Promise<void> {
  try {
    send({ type: 'vectors', jobId: msg.jobId, vectors: await engine.embed(msg.jobId, msg.texts) });
  } catch (error) {
    send({ type: 'jobError', jobId: msg.jobId, message: describe(error) });
  }
}

function handle(msg: ToWorker): void {
  switch (msg.type) {
    case 'load': {
      let last = -1;
      const onProgress = (progress: number) => {
        // llama.cpp reports very often; a percent step is plenty for the UI.
        if (progress - last < 0.01 && progress < 1) return;
        last = progress;
        send({ type: 'progress', progress: Math.min(1, Math.max(0, progress)) });
      };
      void serial(async () => {
        try {
          send({ type: 'ready', ...(await engine.load(msg, onProgress)) });
        } catch (error) {
          await engine.unload().catch(() => undefined); // free what was opened before the failure
          send({ type: 'loadError', message: describe(error) });
        }
      });
      return;
    }
    case 'unload':
      void serial(async () => {
        await engine.unload().catch((error: unknown) => console.error('llmWorker: unload failed', error));
        send({ type: 'unloaded' });
      });
      return;
    case 'dispose':
      void serial(async () => {
        await engine.dispose().catch((error: unknown) => console.error('llmWorker: dispose failed', error));
        process.exit(0);
      });
      return;
    case 'generate':
      void generate(msg);
      return;
    case 'embed':
      void embed(msg);
      return;
    case 'cancel':
      engine.cancel(msg.jobId);
      return;
  }
}

process.on('message', (raw) => {
  const parsed = toWorkerSchema.safeParse(raw);
  if (parsed.success) return handle(parsed.data);
  const jobId = (raw as { jobId?: unknown } | null)?.jobId;
  // A job the host waits on gets an answer; anything else is only logged.
  if (typeof jobId === 'number') send({ type: 'jobError', jobId, message: 'The job was not understood.' });
  else console.error('llmWorker: ignored a malformed message', parsed.error.issues[0]?.message);
});
// The host is gone (crashed or killed): nothing will read our answers, so stop.
process.on('disconnect', () => process.exit(0));
