/** Chinese business validators: each a pure function returning the normalised value or a reason. */
export { parseAmount, type AmountInfo } from './amount';
export { luhnCheckDigit, validateBankCard } from './bank-card';
export { parseChineseDate, parseDateTime, type ChineseDateFormat, type ChineseDateInfo } from './cn-date';
export { idCardCheckChar, validateIdCard, type IdCardInfo, type IdCardOptions } from './id-card';
export { validateMobile, type MobileInfo } from './mobile';
export { candidateRegExp, PLAIN_NUMBER_PATTERN, VALIDATOR_RULES, validatorRule, type RuleName, type ValidatorRule } from './rules';
export { orgCodeCheckChar, usccCheckChar, validateUscc, type UsccInfo, USCC_CHARSET } from './uscc';
export type { ValidationCode, ValidationFailure, ValidationResult, ValidationSuccess } from './validation-result';
