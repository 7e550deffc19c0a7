/** Types of serve.mjs (the static server of the built site). */
export declare const CSP: string;
export declare function startServer(options: { root: string; port?: number; host?: string }): Promise<{ url: string; close: () => Promise<void> }>;
