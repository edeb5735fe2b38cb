/**
 * The CLI's usage errors, one function per code of `src/shared/errors/cli-codes.ts`. Each names the
 * offending flag in its details, so a caller (or a test) can tell which option was wrong without
 * reading the message.
 */

import { AppError } from '../shared/app-error';

/** A flag that is missing or empty; `example` is a command-line fragment such as `--project 6f1c…`. */
export function optionRequired(option: string, example: string): AppError {
  return new AppError('CLI_OPTION_REQUIRED', { option, example }, [{ field: option }]);
}

/** `option` was given but only works together with `requires` (e.g. `--out <cleaned.csv>`). */
export function optionRequires(option: string, requires: string): AppError {
  return new AppError('CLI_OPTION_REQUIRES', { option, requires }, [{ field: option }]);
}

/** None of `options` was given, but at least one is needed. */
export function optionOneOfRequired(options: readonly string[]): AppError {
  return new AppError(
    'CLI_OPTION_ONE_OF_REQUIRED',
    { options: options.join(', ') },
    options.map((field) => ({ field })),
  );
}

/** `value` is not one of the `allowed` words of `option`. */
export function optionInvalid(option: string, value: string, allowed: readonly string[]): AppError {
  return new AppError('CLI_OPTION_INVALID', { option, value, expected: allowed.join(', ') }, [{ field: option }]);
}

/** `value` does not have the shape `format` (e.g. `SOURCE=TARGET`, `name@example.com`). */
export function optionFormat(option: string, value: string, format: string): AppError {
  return new AppError('CLI_OPTION_FORMAT', { option, value, format }, [{ field: option }]);
}

/** `value` is not a whole number within `range` (e.g. `≥ 1`, `0–65535`). */
export function optionInteger(option: string, value: string, range: string): AppError {
  return new AppError('CLI_OPTION_INTEGER', { option, value, range }, [{ field: option }]);
}

/** `value` is not a number within `range` (e.g. `≥ 0`, `0–100`). */
export function optionNumber(option: string, value: string, range: string): AppError {
  return new AppError('CLI_OPTION_NUMBER', { option, value, range }, [{ field: option }]);
}

/** The value of `option` has fewer than `min` characters; the value itself is not echoed (it may be a password). */
export function optionTooShort(option: string, min: number): AppError {
  return new AppError('CLI_OPTION_TOO_SHORT', { option, min }, [{ field: option }]);
}

/** The file named by `option` cannot be read. */
export function fileUnreadable(option: string, file: string): AppError {
  return new AppError('CLI_FILE_UNREADABLE', { file }, [{ field: option }]);
}

/** The file named by `option` is not valid `format` (JSON, YAML); `reason` is the parser's message. */
export function fileParseFailed(option: string, file: string, format: string, reason: string): AppError {
  return new AppError('CLI_FILE_PARSE_FAILED', { file, format, reason }, [{ field: option }]);
}

/** The file named by `option` parsed but breaks its schema; one detail per issue, fields `option:path`. */
export function specInvalid(option: string, file: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]): AppError {
  const path = (i: (typeof issues)[number]): string => i.path.map(String).join('.');
  const summary = issues.map((i) => (path(i) ? `${path(i)}: ${i.message}` : i.message)).join('; ');
  return new AppError(
    'CLI_SPEC_INVALID',
    { file, issues: summary },
    issues.map((i) => ({ field: `${option}:${path(i)}`, reason: i.message })),
  );
}

/** The directory an output file of `option` would go into does not exist. */
export function directoryNotFound(option: string, dir: string): AppError {
  return new AppError('CLI_DIRECTORY_NOT_FOUND', { dir }, [{ field: option }]);
}

/** The output path of `option` is a directory, not a file. */
export function outputIsDirectory(option: string, file: string): AppError {
  return new AppError('CLI_OUTPUT_IS_DIRECTORY', { file }, [{ field: option }]);
}
