import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Secrets at rest (connection URLs with passwords, webhook URLs with tokens): AES-256-GCM with a
 * random 96-bit IV per value, stored as `v1:<iv>:<tag>:<ciphertext>` (base64). The key is
 * GOLIVE_SECRET_KEY (base64 of 32 bytes) or else `<data dir>/secret.key`, generated once with mode
 * 0600. Several workers on different machines must share GOLIVE_SECRET_KEY.
 */

const PREFIX = 'v1';
const keys = new Map<string, Buffer>();

function decodeKey(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${where} must be the base64 of exactly 32 bytes (found ${key.length} bytes)`);
  return key;
}

/** The encryption key: GOLIVE_SECRET_KEY, or the data directory's key file (created on first use). */
export function loadSecretKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.GOLIVE_SECRET_KEY) return decodeKey(env.GOLIVE_SECRET_KEY, 'GOLIVE_SECRET_KEY');
  const file = join(dataDir, 'secret.key');
  const cached = keys.get(file);
  if (cached) return cached;
  let key: Buffer;
  try {
    key = decodeKey(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dataDir, { recursive: true });
    const fresh = randomBytes(32);
    try {
      // 'wx': exclusive create, so two processes starting together cannot both write a key.
      writeFileSync(file, `${fresh.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      key = fresh;
    } catch (writeError) {
      if ((writeError as NodeJS.ErrnoException).code !== 'EEXIST') throw writeError;
      key = decodeKey(readFileSync(file, 'utf8'), file);
    }
  }
  keys.set(file, key);
  return key;
}

/** Encrypts a secret text. */
export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [PREFIX, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
}

/** Decrypts what {@link encryptSecret} produced; fails (without echoing it) if the key is wrong or the text was altered. */
export function decryptSecret(sealed: string, key: Buffer): string {
  const [prefix, iv, tag, body] = sealed.split(':');
  if (prefix !== PREFIX || !iv || !tag || body === undefined) throw new Error('the stored secret is not in a known format');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('the stored secret cannot be decrypted: was GOLIVE_SECRET_KEY or the secret.key file changed?');
  }
}
