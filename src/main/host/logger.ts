/** A minimal structured logger; the host writes to stderr so stdout stays machine-readable. */
export interface Logger {
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

function write(level: string, message: string, detail?: unknown): void {
  const suffix =
    detail === undefined
      ? ''
      : ` ${detail instanceof Error ? (detail.stack ?? detail.message) : JSON.stringify(detail)}`;
  process.stderr.write(`${new Date().toISOString()} ${level} ${message}${suffix}\n`);
}

/** Logs to stderr. */
export const consoleLogger: Logger = {
  info: (m, d) => write('info', m, d),
  warn: (m, d) => write('warn', m, d),
  error: (m, d) => write('error', m, d),
};

/** Drops everything; for tests that assert on behaviour, not output. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
