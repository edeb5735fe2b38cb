export { quoteIdent, quoteLiteral } from '../duckdb/sql-text';
