/**
 * The one HTTP layer every vendor talks through (see DESIGN.md, "HTTP behaviour").
 * THIS FILE HOLDS THE CONTRACT; the implementation is being written against it.
 */
import type { ErrorKind } from './errors';

export interface HttpRequest {
  readonly url: string;
  readonly method?: 'GET' | 'POST';
  /** Credentials go here; they are sent only to the request URL's origin and never logged. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Request body, sent as is (form-encoded or JSON; set content-type in `headers`). */
  readonly body?: string;
  readonly signal?: AbortSignal;
  /** GETs: `use` reads and fills the TTL cache (default), `refresh` fetches anew and fills it, `bypass` neither. */
  readonly cache?: 'use' | 'refresh' | 'bypass';
  /** The vendor's reading of a non-2xx answer: kind (default from the status) and one sentence. */
  readonly describeError?: (status: number, body: unknown) => { readonly kind?: ErrorKind; readonly message: string } | undefined;
}

export interface HttpClient {
  /** The parsed JSON of a 2xx answer; anything else throws a SpacesError of the right kind. */
  json(request: HttpRequest): Promise<unknown>;
}
