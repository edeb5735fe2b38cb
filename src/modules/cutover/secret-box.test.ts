import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskConnectionUrl } from './connection.service';
import { decryptSecret, encryptSecret, loadSecretKey } from './secret-box';
import { maskWebhookUrl } from './webhook';

describe('secrets at rest', () => {
  it('round-trips through AES-256-GCM with a fresh IV each time', () => {
    const key = randomBytes(32);
    const url = 'postgres://erp:p@ss#w0rd!密码@10.0.0.5:5432/erp';
    const a = encryptSecret(url, key);
    const b = encryptSecret(url, key);
    expect(a).not.toBe(b);
    expect(a).not.toContain('p@ss');
    expect(a.startsWith('v1:')).toBe(true);
    expect(decryptSecret(a, key)).toBe(url);
    expect(decryptSecret(b, key)).toBe(url);
  });

  it('refuses a wrong key or an altered value without echoing it', () => {
    const key = randomBytes(32);
    const sealed = encryptSecret('postgres://u:topsecret@h/db', key);
    expect(() => decryptSecret(sealed, randomBytes(32))).toThrow(/cannot be decrypted/);
    const parts = sealed.split(':');
    const body = Buffer.from(parts[3]!, 'base64');
    body[0] ^= 1;
    const altered = [...parts.slice(0, 3), body.toString('base64')].join(':');
    expect(() => decryptSecret(altered, key)).toThrow(/cannot be decrypted/);
    try {
      decryptSecret(altered, key);
    } catch (error) {
      expect((error as Error).message).not.toContain('topsecret');
    }
    expect(() => decryptSecret('plain text', key)).toThrow(/not in a known format/);
  });

  it('generates the key file once with mode 0600 and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'golive-key-'));
    const key = loadSecretKey(dir, {});
    expect(key).toHaveLength(32);
    const file = join(dir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(key)).toBe(true);
    expect(loadSecretKey(dir, {}).equals(key)).toBe(true);
    // A second process (no cache) reads the same file.
    const other = mkdtempSync(join(tmpdir(), 'golive-key-'));
    writeFileSync(join(other, 'secret.key'), key.toString('base64'));
    expect(loadSecretKey(other, {}).equals(key)).toBe(true);
  });

  it('prefers GOLIVE_SECRET_KEY and checks its length', () => {
    const env = randomBytes(32);
    expect(loadSecretKey('/nonexistent', { GOLIVE_SECRET_KEY: env.toString('base64') }).equals(env)).toBe(true);
    expect(() => loadSecretKey('/nonexistent', { GOLIVE_SECRET_KEY: randomBytes(16).toString('base64') })).toThrow(/exactly 32 bytes/);
  });

  it('masks passwords and secret query parameters for display', () => {
    expect(maskConnectionUrl('postgres://erp:topsecret@10.0.0.5:5432/erp?sslmode=require&password=x')).toBe(
      'postgres://erp:***@10.0.0.5:5432/erp?sslmode=require&password=***',
    );
    expect(maskConnectionUrl('mysql://root@db/erp')).toBe('mysql://root@db/erp');
    expect(maskWebhookUrl('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa')).toBe(
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***',
    );
    expect(maskWebhookUrl('https://open.feishu.cn/open-apis/bot/v2/hook/0f4e5a2c-1111-2222-3333-abcdefabcdef')).toBe(
      'https://open.feishu.cn/open-apis/bot/v2/hook/0f4e***',
    );
  });
});
