import type { ApiError } from "./schemas";

/**
 * A request the server refused (4xx/5xx) or answered with something outside the contract. In a file
 * of its own, with only a type import, so code that only needs to recognise one (the app-wide React
 * Query provider in the root layout) does not pull the API client and, through it, the whole model
 * into every page's first JavaScript.
 */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.error);
    this.name = "ApiRequestError";
  }
}
