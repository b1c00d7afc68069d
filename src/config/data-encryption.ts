import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseDataEncryptionKey, type AppConfig } from './env';

// Development without DATA_ENCRYPTION_KEY: a key generated once into the git-ignored data folder
// (next to the embedded PostgreSQL's data), so secrets stay readable across restarts.
export function developmentDataEncryptionKey(dataFolder: string): Buffer {
  const file = path.join(dataFolder, 'data-encryption.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataFolder, { recursive: true });
    try {
      fs.writeFileSync(file, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return parseDataEncryptionKey(fs.readFileSync(file, 'utf8'));
}

// The key of this process: DATA_ENCRYPTION_KEY, or (outside production, where readConfig demands it)
// the development key in the data folder next to the embedded PostgreSQL's data.
export function dataEncryptionKeyOf(config: AppConfig): Buffer {
  return config.dataEncryptionKey ?? developmentDataEncryptionKey(path.dirname(config.embeddedDataDir));
}
