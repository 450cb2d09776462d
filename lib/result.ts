// What a domain operation answers when it can refuse for a reason the person should read: every
// lib area returns this one shape, and lib/forms/action-state.ts turns it into a form's state.
// Unexpected failures are not results: they throw, and the route's error page takes over.

/** Somewhere the person can go from the answer: "the case already open", "the customer". */
export type ResultLink = { label: string; href: string };

export type Failure = {
  ok: false;
  message: string;
  /** The form field the refusal is about. */ field?: string;
  links?: ResultLink[];
};
export type Success<Data> = { ok: true; message: string; data: Data };
export type Result<Data = undefined> = Success<Data> | Failure;

export function succeed(message: string): Success<undefined>;
export function succeed<Data>(message: string, data: Data): Success<Data>;
export function succeed<Data>(message: string, data?: Data): Success<Data | undefined> {
  return { ok: true, message, data };
}

export function fail(message: string, field?: string): Failure {
  return field ? { ok: false, message, field } : { ok: false, message };
}

/** A refusal that points to where the work goes on instead. */
export function failWithLinks(message: string, links: ResultLink[], field?: string): Failure {
  return { ...fail(message, field), links };
}
