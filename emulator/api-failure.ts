// What an emulated action throws to answer with `Response.Error`: a TCMPP error code and its message.
export class ApiFailure extends Error {
  override name = 'ApiFailure';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

// A function declaration, so that TypeScript narrows after `if (...) fail(...)`.
export function fail(code: string, message: string): never {
  throw new ApiFailure(code, message);
}
