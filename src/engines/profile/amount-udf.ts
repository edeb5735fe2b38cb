import { DOUBLE, DuckDBScalarFunction, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { parseAmount } from '../validators/amount';

/**
 * Registers `golive_amount(VARCHAR) → DOUBLE`: `parseAmount` itself, NULL when the value is not an
 * amount. Amounts with separators, currency marks and accounting negatives have too many forms
 * to restate in SQL; the profiler only calls this on values that are candidates and not plain
 * numbers, and only when the column could be an amount column.
 */
export function registerAmountFunction(conn: DuckDBConnection): void {
  conn.registerScalarFunction(
    DuckDBScalarFunction.create({
      name: 'golive_amount',
      returnType: DOUBLE,
      parameterTypes: [VARCHAR],
      mainFunction: (_info, input, output) => {
        const values = input.getColumnVector(0);
        for (let i = 0; i < input.rowCount; i++) {
          const text = values.getItem(i) as string | null;
          const parsed = text === null ? null : parseAmount(text);
          output.setItem(i, parsed?.ok ? parsed.value : null);
        }
        output.flush();
      },
    }),
  );
}
