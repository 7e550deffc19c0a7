import path from 'node:path';
import { z } from 'zod';
import { defaultArchiveDir } from './paths.js';

const Env = z.object({ ENCROCHAT_ARCHIVE_DIR: z.string().min(1).optional() });

/** The folder of archived source texts: ENCROCHAT_ARCHIVE_DIR, or ../shared/sources/seeds beside the repository. */
export function archiveDir(env: NodeJS.ProcessEnv = process.env): string {
  const parsed = Env.safeParse(env);
  const dir = parsed.success ? parsed.data.ENCROCHAT_ARCHIVE_DIR : undefined;
  return dir ? path.resolve(dir) : defaultArchiveDir;
}
