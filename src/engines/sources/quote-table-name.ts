/**
 * Quotes a possibly schema-qualified table name (`schema.table`) part by part with the given
 * quote character; parts already quoted are kept, so `"My Schema"."Order"` works too.
 */
export function quoteTableName(name: string, quote = '"'): string {
  const parts: string[] = [];
  let rest = name.trim();
  while (rest.length > 0) {
    if (rest.startsWith(quote)) {
      let end = 1;
      while (end < rest.length) {
        if (rest[end] === quote && rest[end + 1] === quote) end += 2;
        else if (rest[end] === quote) break;
        else end++;
      }
      parts.push(rest.slice(0, end + 1));
      rest = rest.slice(end + 1).replace(/^\s*\.\s*/, '');
    } else {
      const dot = rest.indexOf('.');
      const part = (dot < 0 ? rest : rest.slice(0, dot)).trim();
      parts.push(quote + part.split(quote).join(quote + quote) + quote);
      rest = dot < 0 ? '' : rest.slice(dot + 1);
    }
  }
  return parts.join('.');
}
