import { LoggerService } from '@nestjs/common';
import { LogLevel } from '../config/app-config';

const SEVERITY: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** One JSON object per line on stdout, so logs can be shipped and queried without parsing prose. */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: LogLevel = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {}

  log(message: unknown, context?: string): void {
    this.emit('info', message, context);
  }
  warn(message: unknown, context?: string): void {
    this.emit('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.emit('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.emit('debug', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string): void {
    const error = message instanceof Error ? { error: message.message, stack: message.stack } : {};
    this.emit('error', message instanceof Error ? message.message : message, context ?? stackOrContext, error);
  }

  private emit(level: LogLevel, message: unknown, context?: string, extra: Record<string, unknown> = {}): void {
    if (SEVERITY[level] < SEVERITY[this.level]) return;
    const fields = typeof message === 'object' && message !== null ? message : { msg: message };
    this.write(JSON.stringify({ time: new Date().toISOString(), level, context, ...fields, ...extra }));
  }
}
