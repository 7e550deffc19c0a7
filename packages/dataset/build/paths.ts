import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root (two levels above this package). */
export const repoRoot = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
export const packageRoot = path.join(repoRoot, 'packages', 'dataset');
export const dataDir = path.join(repoRoot, 'data');
export const distDir = path.join(packageRoot, 'dist');
/** Where the archived full texts of sources live; override with ENCROCHAT_ARCHIVE_DIR. */
export const defaultArchiveDir = path.resolve(repoRoot, '..', 'shared', 'sources', 'seeds');
