/** Types of serve.mjs (the static server of the built site). */
export declare const CSP: string;
export declare function startServer(options: {
  root: string;
  port?: number;
  host?: string;
}): Promise<{ url: string; close: () => Promise<void> }>;
/** The encoding serve.mjs sends for an Accept-Encoding header: `br`, `gzip` or null (none). */
export declare function negotiateEncoding(header: string | undefined): 'br' | 'gzip' | null;
