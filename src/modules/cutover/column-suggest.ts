/**
 * Suggests which right column corresponds to each left column: exact name, then the same name
 * ignoring case, spaces, underscores, hyphens and dots, then common Chinese/English synonyms of
 * ERP field names, then generic words (id, name, code) against qualified ones (客户编号, 物料名称).
 * Each right column is used once.
 */

export interface ColumnSuggestion {
  left: string;
  right: string;
  match: 'exact' | 'normalized' | 'synonym';
}

/** Groups of names meaning the same field (already normalized: lower case, no separators). */
const SYNONYMS: string[][] = [
  ['customercode', 'customerid', 'customerno', 'custcode', 'custid', 'custno', '客户编码', '客户编号', '客户代码', '客户号', '客户id'],
  ['customername', 'custname', 'customer', '客户名称', '客户名', '客户'],
  ['vendorcode', 'vendorid', 'vendorno', 'suppliercode', 'supplierid', 'supplierno', '供应商编码', '供应商编号', '供应商代码'],
  ['vendorname', 'suppliername', 'vendor', 'supplier', '供应商名称', '供应商'],
  [
    'materialcode',
    'materialno',
    'materialid',
    'itemcode',
    'itemno',
    'itemid',
    'partno',
    'partnumber',
    'sku',
    '物料编码',
    '物料编号',
    '物料代码',
    '料号',
    '存货编码',
    '商品编码',
  ],
  ['materialname', 'itemname', 'partname', 'productname', '物料名称', '品名', '存货名称', '商品名称'],
  ['orderno', 'ordernumber', 'orderid', 'ordercode', '订单号', '订单编号', '单号', '单据号', '单据编号'],
  ['docdate', 'documentdate', 'orderdate', 'date', '日期', '单据日期', '订单日期'],
  ['postingdate', 'postdate', 'bookingdate', '过账日期', '记账日期'],
  ['amount', 'amt', 'totalamount', 'total', '金额', '总金额', '合计金额', '价税合计'],
  ['quantity', 'qty', 'quantities', '数量'],
  ['price', 'unitprice', '单价', '价格'],
  ['status', 'state', '状态'],
  ['currency', 'curr', 'currencycode', '币种', '币别'],
  ['unit', 'uom', 'unitofmeasure', '单位', '计量单位'],
  ['balance', '余额'],
  ['account', 'accountcode', 'accountno', 'glaccount', '科目', '科目编码', '会计科目', '科目代码'],
  ['accountname', '科目名称'],
  ['debit', 'debitamount', 'dr', '借方', '借方金额'],
  ['credit', 'creditamount', 'cr', '贷方', '贷方金额'],
  ['warehouse', 'warehousecode', 'whs', 'whscode', 'location', '仓库', '仓库编码', '库位'],
  ['department', 'dept', 'deptcode', 'departmentcode', '部门', '部门编码'],
  ['taxamount', 'tax', '税额'],
  ['taxrate', '税率'],
  ['remark', 'remarks', 'note', 'notes', 'memo', 'comment', '备注', '说明'],
  ['name', '名称'],
  ['code', '编码', '代码'],
  ['id', '编号', '序号'],
  ['phone', 'tel', 'telephone', 'mobile', '电话', '手机', '联系电话'],
  ['address', 'addr', '地址'],
  ['contact', 'contactperson', '联系人'],
  ['creditlimit', '信用额度'],
  ['createdat', 'createdate', 'createtime', 'createdon', '创建时间', '创建日期'],
  ['updatedat', 'updatetime', 'modifiedat', 'modifytime', '修改时间', '更新时间'],
];

/** Lower case without spaces (incl. full-width), underscores, hyphens, dots and slashes. */
export function normalizeColumnName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./\\()（）]+/g, '');
}

const SYNONYM_GROUP = new Map<string, number>();
SYNONYMS.forEach((group, i) => group.forEach((name) => SYNONYM_GROUP.set(name, i)));

/** Generic names (id, name, code) also match a qualified name ending in one of their words: id ↔ 客户编号. */
const GENERIC_GROUPS = new Set(['id', 'name', 'code'].map((n) => SYNONYM_GROUP.get(n)!));

function genericMatch(a: string, b: string): boolean {
  const group = SYNONYM_GROUP.get(a);
  if (group === undefined || !GENERIC_GROUPS.has(group)) return false;
  return SYNONYMS[group].some((word) => b !== word && b.endsWith(word));
}

/** Pairs left columns with right columns; see the module comment for the order of preference. */
export function suggestColumnMapping(leftColumns: readonly string[], rightColumns: readonly string[]): ColumnSuggestion[] {
  const used = new Set<number>();
  const found = new Map<number, ColumnSuggestion>();
  const pass = (match: ColumnSuggestion['match'], same: (l: string, r: string) => boolean): void => {
    leftColumns.forEach((left, li) => {
      if (found.has(li)) return;
      const ri = rightColumns.findIndex((right, i) => !used.has(i) && same(left, right));
      if (ri < 0) return;
      used.add(ri);
      found.set(li, { left, right: rightColumns[ri], match });
    });
  };
  pass('exact', (l, r) => l === r);
  pass('normalized', (l, r) => normalizeColumnName(l) === normalizeColumnName(r));
  pass('synonym', (l, r) => {
    const a = SYNONYM_GROUP.get(normalizeColumnName(l));
    return a !== undefined && a === SYNONYM_GROUP.get(normalizeColumnName(r));
  });
  pass('synonym', (l, r) => {
    const a = normalizeColumnName(l);
    const b = normalizeColumnName(r);
    return genericMatch(a, b) || genericMatch(b, a);
  });
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
}

const KEY_WORDS = /(^id$|code$|^no$|no$|number$|编码$|编号$|代码$|单号$|料号$|^序号$)/;

/** A likely key: the first matched left column whose name looks like an id or code. */
export function suggestKey(suggestions: readonly ColumnSuggestion[]): string[] {
  const hit = suggestions.find((s) => KEY_WORDS.test(normalizeColumnName(s.left)));
  return hit ? [hit.left] : [];
}
