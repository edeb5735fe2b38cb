/**
 * Generates the profiling bench file: N rows × 10 columns of mixed, realistic Chinese ERP data
 * (integers, decimals, amounts with separators, dates in several forms, USCC codes, mobile
 * numbers, Chinese text), with nulls. Deterministic (seeded), streamed to disk.
 *
 *   node --import tsx bench/profile/generate.ts [rows=1000000] [out=/tmp/golive-bench-profile/data.csv]
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { usccCheckChar } from '../../src/engines/validators/uscc';

/** mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const WORDS = ['科技', '贸易', '实业', '电子', '机械', '食品', '物流', '建设', '医药', '服装', '化工', '能源'];
const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京', '苏州', '西安'];
const STATUS = ['正常', '冻结', '注销', '待审核'];
const REMARKS = ['加急', '月结客户', '需开专票', '老客户，注意账期', '地址已变更'];

export const BENCH_COLUMNS = ['id', 'customer', 'uscc', 'mobile', 'amount', 'order_date', 'status', 'qty', 'ratio', 'remark'];

function csvCell(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes the file and resolves when flushed. */
export async function generateProfileData(rows: number, path: string, seed = 42): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const random = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const out = createWriteStream(path);
  const write = (text: string): Promise<void> | undefined =>
    out.write(text) ? undefined : new Promise<void>((resolve) => out.once('drain', resolve));
  await write(`${BENCH_COLUMNS.join(',')}\n`);
  let buffer = '';
  for (let i = 1; i <= rows; i++) {
    const customer = `${pick(CITIES)}${pick(SURNAMES)}氏${pick(WORDS)}有限公司${Math.floor(random() * 500)}`;
    let uscc: string | null = null;
    if (random() > 0.03) {
      const body = `91${pick(['110000', '310000', '440300', '330100'])}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
      uscc = body + (random() < 0.01 ? '0' : usccCheckChar(body));
    }
    const phone = `1${3 + Math.floor(random() * 7)}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
    const mobile = random() < 0.05 ? null : random() < 0.2 ? `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}` : phone;
    const cents = Math.floor(random() * 1e8);
    const amountValue = (cents / 100).toFixed(2);
    const amount = random() < 0.3 ? Number(amountValue).toLocaleString('en-US', { minimumFractionDigits: 2 }) : amountValue;
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 1826) * 86400000);
    const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    const form = random();
    const orderDate =
      form < 0.8 ? day.toISOString().slice(0, 10) : form < 0.9 ? `${y}/${m}/${d}` : form < 0.97 ? `${y}年${m}月${d}日` : null;
    const status = pick(STATUS);
    const qty = random() < 0.1 ? null : String(Math.floor(random() * 1000));
    const ratio = random() < 0.02 ? 'N/A' : (random() * 100).toFixed(3);
    const remark = random() < 0.85 ? null : random() < 0.05 ? '  ' : pick(REMARKS);
    buffer += `${[String(i), customer, uscc, mobile, amount, orderDate, status, qty, ratio, remark].map(csvCell).join(',')}\n`;
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const path = process.argv[3] ?? '/tmp/golive-bench-profile/data.csv';
  await generateProfileData(rows, path);
  process.stderr.write(`wrote ${rows} rows to ${path}\n`);
}
