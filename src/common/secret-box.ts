import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'v1';

// Encrypts secrets the app must be able to read back (webhook signing secrets) with AES-256-GCM:
// a fresh 96-bit nonce per value, and the row the value belongs to as additional data, so a
// ciphertext copied into another row does not open. Stored as "v1.<nonce>.<tag>.<ciphertext>"
// (base64url); a dump of the database alone reveals nothing without the key.
export class SecretBox {
  private constructor(private readonly key: Buffer) {}

  static fromKey(key: Buffer): SecretBox {
    if (key.length !== 32) throw new Error('The data encryption key must be 32 bytes.');
    return new SecretBox(Buffer.from(key));
  }

  seal(plaintext: string, context: string): string {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce).setAAD(Buffer.from(context, 'utf8'));
    const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, nonce, cipher.getAuthTag(), sealed]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  // Throws when the value was sealed with another key or for another row, or was changed.
  open(stored: string, context: string): string {
    const [version, nonce, tag, sealed, ...rest] = stored.split('.');
    if (version !== VERSION || sealed === undefined || rest.length > 0) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(nonce, 'base64url')).setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
  }

  static isSealed(stored: string): boolean {
    return stored.startsWith(`${VERSION}.`);
  }
}
