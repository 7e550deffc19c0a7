/** Types of @encrochat-ledger/hostile (the package is plain JavaScript, run as it is). */

/** What a case builds: a data folder, one file (a record or a bundle), or paths given as the input. */
export type HostileInput = { data: string } | { file: string } | { args: string[] };

export interface HostileCase {
  /** Kebab-case, unique. */
  name: string;
  /** One line: what is hostile, and what must happen. */
  about: string;
  /** Builds the input inside the empty folder `dir`. */
  make(dir: string): HostileInput;
  /** What every tool must do with it. */
  expect: 'refuse' | 'accept';
  /** What a refusal must mention (the file, pointer or path). */
  message?: RegExp;
}

export declare const hostileCases: readonly HostileCase[];
/** Where a tool does not (yet) do what a case expects: tool → case name → reason. */
export declare const knownGaps: Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  /** Close the reading end of stdout once this many bytes arrived (like `| head -c N`). */
  closeStdoutAfter?: number;
  /** The hang guard (default HANG_GUARD_MS): the process is killed and the run marked `timedOut`. */
  timeoutMs?: number;
}

export interface RunResult {
  command: string[];
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export declare const MAX_OLD_SPACE_MB: number;
export declare const HANG_GUARD_MS: number;
export declare const MAX_REFUSAL_LINES: number;
export declare const STACK_TRACE: RegExp;

/** Runs `node --max-old-space-size=512 <command…>` with stdin at end of file. */
export declare function runTool(command: string[], opts?: RunOptions): Promise<RunResult>;
/** Fails unless the run shows no stack trace, no Node internals, no signal and no hang. */
export declare function assertClean(result: RunResult, what?: string): void;
/** Fails unless the run did what the case expects (see the README). */
export declare function assertOutcome(result: RunResult, kase: HostileCase, what?: string): void;
/** 'accept', 'refuse', or what went wrong ('hang', 'signal SIGABRT', 'exit 134'). */
export declare function verdictOf(result: RunResult): string;

export type JsonObject = Record<string, unknown>;
export declare const SOURCE_ID: string;
export declare const vocabulary: Record<string, JsonObject>;
export declare function claim(sourceId: string, slug: string, extra?: JsonObject): JsonObject;
export declare function source(id: string, claims: JsonObject[], extra?: JsonObject): JsonObject;
/** The valid data folder's files (vocabulary and one source with one claim), by path under the folder. */
export declare function validFiles(): Record<string, JsonObject>;
export declare function jsonText(value: unknown): string;
/** Writes files (strings and Buffers as they are, anything else as JSON) under `data`; returns `data`. */
export declare function writeDataFolder(
  data: string,
  files: Record<string, string | Buffer | JsonObject>,
): string;
