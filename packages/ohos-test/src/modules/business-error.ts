/** The device's BusinessError shape for the ArkTS utility modules: an Error with a numeric `code`. */
export function businessError(code: number, message: string): Error & { code: number } {
  const error = new Error(message) as Error & { code: number };
  error.code = code;
  error.name = 'BusinessError';
  return error;
}

export function parameterError(detail: string): Error & { code: number } {
  return businessError(401, `Parameter error. ${detail}`);
}
