import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseDataEncryptionKey, type AppConfig } from './env';

// Development without DATA_ENCRYPTION_KEY: a key generated once next to the embedded PostgreSQL's
// data (in the git-ignored .data folder by default: .data/postgres.encryption-key), so the secrets
// stay readable across restarts and go with the data they were sealed in. Not inside the data
// folder itself: initdb wants it empty.
export function developmentDataEncryptionKey(embeddedDataDir: string): Buffer {
  const file = developmentKeyFile(embeddedDataDir);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return parseDataEncryptionKey(fs.readFileSync(file, 'utf8'));
}

export function developmentKeyFile(embeddedDataDir: string): string {
  return `${path.resolve(embeddedDataDir)}.encryption-key`;
}

// The key of this process: DATA_ENCRYPTION_KEY, or (outside production, where readConfig demands it)
// the development key in the data folder next to the embedded PostgreSQL's data.
export function dataEncryptionKeyOf(config: AppConfig): Buffer {
  return config.dataEncryptionKey ?? developmentDataEncryptionKey(config.embeddedDataDir);
}
