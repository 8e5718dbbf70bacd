/** pino: English events with fields. The core never logs; services and edges do. */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger };

export function createLogger(config: Pick<Config, 'log'>, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.log.level,
      base: { app: 'gongkai' },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.idNumber', '*.phone'], censor: '***' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination(2),
  );
}
